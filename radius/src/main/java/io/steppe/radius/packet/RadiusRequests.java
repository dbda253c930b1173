package io.steppe.radius.packet;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.packet.request.RadiusRequest;

/**
 * Decodes requests that passed {@link DatagramCheck} with tinyradius: attributes by dictionary, the Request
 * Authenticator of accounting checked, User-Password un-hidden (RFC 2865 §5.2).
 */
public final class RadiusRequests {

    private RadiusRequests() {
    }

    /**
     * @throws RadiusPacketException when the packet cannot be decoded with this secret (for accounting, a
     *                               wrong Request Authenticator)
     */
    public static RadiusRequest decode(Dictionary dictionary, byte[] packet, String secret) throws RadiusPacketException {
        RadiusRequest request = RadiusRequest.fromByteBuf(dictionary,
                Unpooled.wrappedBuffer(packet, 0, DatagramCheck.packetLength(packet)));
        return request.decodeRequest(secret);
    }

    /** The first attribute of a standard type as UTF-8 text. */
    public static Optional<String> text(RadiusRequest request, int type) {
        return request.getAttribute(type).map(a -> new String(a.getValue(), StandardCharsets.UTF_8));
    }

    /** The first attribute of a standard type as an unsigned 32-bit integer. */
    public static Optional<Long> integer(RadiusRequest request, int type) {
        Optional<RadiusAttribute> attribute = request.getAttribute(type);
        if (attribute.isEmpty() || attribute.get().getValue().length != 4) {
            return Optional.empty();
        }
        byte[] v = attribute.get().getValue();
        return Optional.of(((v[0] & 0xffL) << 24) | ((v[1] & 0xffL) << 16) | ((v[2] & 0xffL) << 8) | (v[3] & 0xffL));
    }
}
