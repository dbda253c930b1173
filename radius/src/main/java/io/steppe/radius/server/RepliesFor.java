package io.steppe.radius.server;

import io.steppe.radius.accounting.AccountingRecords;
import io.steppe.radius.auth.AuthDecision;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.ReplyEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The attributes of Steppe's replies, in the dialects of the gateways it serves. */
final class RepliesFor {

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

    private RepliesFor() {
    }

    static List<byte[]> accept(AuthDecision.Accept accept, List<byte[]> proxyStates) {
        List<byte[]> out = new ArrayList<>(12);
        out.add(ReplyEncoder.integer(Attributes.SESSION_TIMEOUT, Math.min(accept.sessionTimeout(), 0xFFFF_FFFFL)));
        out.add(ReplyEncoder.integer(Attributes.IDLE_TIMEOUT, accept.grant().idleTimeout()));
        out.add(ReplyEncoder.integer(Attributes.ACCT_INTERIM_INTERVAL, accept.grant().interimInterval()));
        out.add(ReplyEncoder.attribute(Attributes.CLASS, AccountingRecords.classFor(accept.subscriberId())));
        out.add(ReplyEncoder.vendorInteger(WISPR, WISPR_BANDWIDTH_MAX_UP, accept.grant().bandwidthUpBps()));
        out.add(ReplyEncoder.vendorInteger(WISPR, WISPR_BANDWIDTH_MAX_DOWN, accept.grant().bandwidthDownBps()));
        out.add(ReplyEncoder.vendorInteger(CHILLISPOT, CHILLI_BANDWIDTH_MAX_UP, accept.grant().bandwidthUpBps() / 1000));
        out.add(ReplyEncoder.vendorInteger(CHILLISPOT, CHILLI_BANDWIDTH_MAX_DOWN, accept.grant().bandwidthDownBps() / 1000));
        out.add(ReplyEncoder.vendorInteger(CHILLISPOT, CHILLI_MAX_TOTAL_OCTETS, accept.remainingOctets() & 0xFFFF_FFFFL));
        out.add(ReplyEncoder.vendorInteger(CHILLISPOT, CHILLI_MAX_TOTAL_GIGAWORDS, accept.remainingOctets() >>> 32));
        out.addAll(proxyStates);
        return out;
    }

    static List<byte[]> reject(AuthDecision.Reject reject, List<byte[]> proxyStates) {
        List<byte[]> out = new ArrayList<>(2 + proxyStates.size());
        byte[] message = reject.reason().message(reject.language()).getBytes(StandardCharsets.UTF_8);
        out.add(ReplyEncoder.attribute(Attributes.REPLY_MESSAGE, Arrays.copyOf(message, Math.min(message.length, 253))));
        out.addAll(proxyStates);
        return out;
    }

    /** Proxy-State attributes, copied unmodified and in order into the reply (RFC 2865 §5.33). */
    static List<byte[]> proxyStates(byte[] packet) {
        List<byte[]> out = new ArrayList<>(0);
        int length = DatagramCheck.packetLength(packet);
        int offset = DatagramCheck.HEADER_LENGTH;
        while (offset < length) {
            int attributeLength = packet[offset + 1] & 0xff;
            if ((packet[offset] & 0xff) == Attributes.PROXY_STATE) {
                out.add(Arrays.copyOfRange(packet, offset, offset + attributeLength));
            }
            offset += attributeLength;
        }
        return out;
    }
}
