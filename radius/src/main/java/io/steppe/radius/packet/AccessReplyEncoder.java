package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the policy's {@link AuthDecision} as the Access-Accept or Access-Reject that answers a request, in
 * the dialects of the gateways Steppe serves: Message-Authenticator first (BlastRADIUS), the grant as standard,
 * WISPr and ChilliSpot attributes, the Class that brings the subscriber back in accounting, and the request's
 * Proxy-States echoed last (RFC 2865 §5.33).
 */
public final class AccessReplyEncoder {

    /** WISPr (Wi-Fi Alliance), vendor 14122: bandwidth in bit/s. */
    static final int WISPR = 14122;
    static final int WISPR_BANDWIDTH_MAX_UP = 7;
    static final int WISPR_BANDWIDTH_MAX_DOWN = 8;
    /** ChilliSpot / CoovaChilli, vendor 14559: bandwidth in kbit/s, data quota in octets and gigawords. */
    static final int CHILLISPOT = 14559;
    static final int CHILLI_MAX_TOTAL_OCTETS = 3;
    static final int CHILLI_BANDWIDTH_MAX_UP = 4;
    static final int CHILLI_BANDWIDTH_MAX_DOWN = 5;
    static final int CHILLI_MAX_TOTAL_GIGAWORDS = 23;
    /** Huawei, vendor 2011: Huawei-Input-Average-Rate (the user's upload) and Huawei-Output-Average-Rate, in bit/s. */
    static final int HUAWEI = 2011;
    static final int HUAWEI_INPUT_AVERAGE_RATE = 2;
    static final int HUAWEI_OUTPUT_AVERAGE_RATE = 5;
    /** H3C, vendor 25506: H3C-Input-Average-Rate and H3C-Output-Average-Rate, in bit/s. */
    static final int H3C = 25506;
    static final int H3C_INPUT_AVERAGE_RATE = 2;
    static final int H3C_OUTPUT_AVERAGE_RATE = 5;
    private static final int MAX_REPLY_MESSAGE = 253;

    private AccessReplyEncoder() {
    }

    /**
     * The reply to {@code request} (which has passed {@link DatagramCheck}) that carries {@code decision}, with the
     * vendor attributes of {@code vendor}'s gateways.
     */
    public static byte[] encode(AuthDecision decision, byte[] request, byte[] secret, Vendor vendor) {
        AttributeWriter attributes = new AttributeWriter().messageAuthenticator();
        PacketCode code;
        if (decision instanceof AuthDecision.Accept accept) {
            accept(accept, attributes, vendor);
            code = PacketCode.ACCESS_ACCEPT;
        } else {
            reject((AuthDecision.Reject) decision, attributes);
            code = PacketCode.ACCESS_REJECT;
        }
        return ReplyEncoder.encode(code, request, attributes.proxyStates(request), secret);
    }

    private static void accept(AuthDecision.Accept accept, AttributeWriter out, Vendor vendor) {
        out.integer(Attributes.SESSION_TIMEOUT, Math.min(accept.sessionTimeout(), 0xFFFF_FFFFL))
                .integer(Attributes.IDLE_TIMEOUT, accept.grant().idleTimeout())
                .integer(Attributes.ACCT_INTERIM_INTERVAL, accept.grant().interimInterval())
                .octets(Attributes.CLASS, AccountingRequestDecoder.classFor(accept.subscriberId()));
        switch (vendor) {
            case HUAWEI -> out.vendorInteger(HUAWEI, HUAWEI_INPUT_AVERAGE_RATE, accept.grant().bandwidthUpBps())
                    .vendorInteger(HUAWEI, HUAWEI_OUTPUT_AVERAGE_RATE, accept.grant().bandwidthDownBps());
            case H3C -> out.vendorInteger(H3C, H3C_INPUT_AVERAGE_RATE, accept.grant().bandwidthUpBps())
                    .vendorInteger(H3C, H3C_OUTPUT_AVERAGE_RATE, accept.grant().bandwidthDownBps());
            case GENERIC, RUIJIE -> hotspot(accept, out);
        }
    }

    /** WISPr's and ChilliSpot's bandwidth and data quota, which hotspot gateways read. */
    private static void hotspot(AuthDecision.Accept accept, AttributeWriter out) {
        out.vendorInteger(WISPR, WISPR_BANDWIDTH_MAX_UP, accept.grant().bandwidthUpBps())
                .vendorInteger(WISPR, WISPR_BANDWIDTH_MAX_DOWN, accept.grant().bandwidthDownBps())
                .vendorInteger(CHILLISPOT, CHILLI_BANDWIDTH_MAX_UP, accept.grant().bandwidthUpBps() / 1000)
                .vendorInteger(CHILLISPOT, CHILLI_BANDWIDTH_MAX_DOWN, accept.grant().bandwidthDownBps() / 1000)
                .vendorInteger(CHILLISPOT, CHILLI_MAX_TOTAL_OCTETS, accept.remainingOctets() & 0xFFFF_FFFFL)
                .vendorInteger(CHILLISPOT, CHILLI_MAX_TOTAL_GIGAWORDS, accept.remainingOctets() >>> 32);
    }

    /** RFC 2865 §5.44 allows only Reply-Message and Proxy-State in an Access-Reject. */
    private static void reject(AuthDecision.Reject reject, AttributeWriter out) {
        byte[] message = reject.reason().message(reject.language()).getBytes(StandardCharsets.UTF_8);
        out.octets(Attributes.REPLY_MESSAGE, message, 0, Math.min(message.length, MAX_REPLY_MESSAGE));
    }
}
