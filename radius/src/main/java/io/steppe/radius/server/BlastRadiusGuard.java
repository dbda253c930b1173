package io.steppe.radius.server;

import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.Attributes;
import io.steppe.radius.packet.DatagramCheck;
import io.steppe.radius.packet.DropReason;
import io.steppe.radius.packet.MessageAuthenticator;
import io.steppe.radius.packet.PacketCode;
import java.util.Optional;

/** The BlastRADIUS (CVE-2024-3596) checks a request passes before anything else is done with it. */
final class BlastRadiusGuard {

    private final NasDirectory directory;

    BlastRadiusGuard(NasDirectory directory) {
        this.directory = directory;
    }

    /**
     * BlastRADIUS (CVE-2024-3596): a wrong Message-Authenticator is always a drop; a missing one is when the
     * gateway's policy requires it, or with {@code auto} once the gateway has shown it can send one.
     */
    Optional<DropReason> check(NasRepository.Registered gateway, RequestDispatcher.Transport transport, int code, byte[] packet,
                               byte[] secret) {
        Nas nas = gateway.nas();
        int offset = DatagramCheck.findAttribute(packet, Attributes.MESSAGE_AUTHENTICATOR);
        if (offset >= 0) {
            if (!MessageAuthenticator.verify(packet, offset, secret)) {
                return Optional.of(DropReason.BAD_AUTHENTICATOR);
            }
            if (code == PacketCode.ACCESS_REQUEST.code()) {
                directory.sawMessageAuthenticator(gateway.id());
            }
            return Optional.empty();
        }
        if (code == PacketCode.STATUS_SERVER.code()) {
            return Optional.of(DropReason.MISSING_MESSAGE_AUTHENTICATOR); // RFC 5997 §3 requires it
        }
        if (code != PacketCode.ACCESS_REQUEST.code() || transport == RequestDispatcher.Transport.TLS) {
            return Optional.empty();
        }
        if (requires(nas.requireMessageAuthenticator(), gateway.id())) {
            return Optional.of(DropReason.MISSING_MESSAGE_AUTHENTICATOR);
        }
        if (requires(nas.limitProxyState(), gateway.id()) && DatagramCheck.findAttribute(packet, Attributes.PROXY_STATE) >= 0) {
            return Optional.of(DropReason.PROXY_STATE_WITHOUT_MESSAGE_AUTHENTICATOR);
        }
        return Optional.empty();
    }

    private boolean requires(MessageAuthenticatorPolicy policy, long nasId) {
        return policy == MessageAuthenticatorPolicy.YES
                || (policy == MessageAuthenticatorPolicy.AUTO && directory.hasSentMessageAuthenticator(nasId));
    }
}
