package io.steppe.portal.ac;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes and reads Portal packets. The header is 16 octets, in network order: Ver, Type, PAP/CHAP, Rsvd, SerialNo
 * (2), ReqID (2), UserIP (4), UserPort (2), ErrCode, AttrNum. Version 2 follows it with a 16-octet Authenticator,
 * MD5(header ‖ base ‖ attributes ‖ secret), where the base is 16 zero octets in a packet that starts an exchange
 * and the authenticator of the packet it answers in an answer. Then come the attributes: Type, Length (counting
 * these two octets) and the value.
 *
 * <p>Reading never throws: a datagram that is not a whole, well-formed packet is {@link Read.Dropped} with the
 * reason, and whether a v2 packet is authentic is asked separately, once the exchange it belongs to (and so the
 * base) is known.
 */
public final class PortalCodec {

    public static final int HEADER = 16;
    public static final int AUTHENTICATOR = 16;
    /** Zero octets: the base of the authenticator of a packet that starts an exchange. */
    public static final byte[] NO_REQUEST = new byte[AUTHENTICATOR];

    /** Why a datagram was not read as a packet. */
    public enum Problem {
        TOO_SHORT, VERSION, TYPE, ATTRIBUTES
    }

    /** What a datagram was read as. */
    public sealed interface Read {
        record Packet(PortalPacket packet) implements Read {
        }

        record Dropped(Problem problem, String detail) implements Read {
        }
    }

    private PortalCodec() {
    }

    /**
     * The packet's octets; for version 2 with its authenticator over {@code base} (see the class comment).
     */
    public static byte[] encode(PortalPacket p, byte[] secret, byte[] base) {
        int start = HEADER + (p.version() == 2 ? AUTHENTICATOR : 0);
        int length = start;
        for (PortalAttribute a : p.attributes()) {
            length += 2 + a.value().length;
        }
        byte[] out = new byte[length];
        out[0] = (byte) p.version();
        out[1] = (byte) p.type().code();
        out[2] = (byte) (p.pap() ? 1 : 0);
        putShort(out, 4, p.serialNo());
        putShort(out, 6, p.reqId());
        System.arraycopy(p.userIp().getAddress(), 0, out, 8, 4);
        putShort(out, 12, p.userPort());
        out[14] = (byte) p.errCode();
        out[15] = (byte) p.attributes().size();
        int at = start;
        for (PortalAttribute a : p.attributes()) {
            byte[] value = a.value();
            out[at] = (byte) a.type();
            out[at + 1] = (byte) (value.length + 2);
            System.arraycopy(value, 0, out, at + 2, value.length);
            at += 2 + value.length;
        }
        if (p.version() == 2) {
            System.arraycopy(authenticator(out, base, secret), 0, out, HEADER, AUTHENTICATOR);
        }
        return out;
    }

    /** Reads a datagram; see the class comment. */
    public static Read read(byte[] datagram) {
        if (datagram.length < HEADER) {
            return new Read.Dropped(Problem.TOO_SHORT, datagram.length + " octets, fewer than the header's 16");
        }
        int version = datagram[0] & 0xff;
        if (version != 1 && version != 2) {
            return new Read.Dropped(Problem.VERSION, "version " + version);
        }
        var type = PortalType.of(datagram[1] & 0xff);
        if (type.isEmpty()) {
            return new Read.Dropped(Problem.TYPE, "type " + (datagram[1] & 0xff));
        }
        int at = HEADER + (version == 2 ? AUTHENTICATOR : 0);
        if (datagram.length < at) {
            return new Read.Dropped(Problem.TOO_SHORT, datagram.length + " octets, fewer than a v2 header's 32");
        }
        int count = datagram[15] & 0xff;
        List<PortalAttribute> attributes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (at + 2 > datagram.length) {
                return new Read.Dropped(Problem.ATTRIBUTES, "attribute " + (i + 1) + " of " + count + " is missing");
            }
            int length = datagram[at + 1] & 0xff;
            if (length < 2 || at + length > datagram.length) {
                return new Read.Dropped(Problem.ATTRIBUTES, "attribute " + (i + 1) + " has length " + length);
            }
            attributes.add(new PortalAttribute(datagram[at] & 0xff, Arrays.copyOfRange(datagram, at + 2, at + length)));
            at += length;
        }
        if (at != datagram.length) {
            return new Read.Dropped(Problem.ATTRIBUTES, (datagram.length - at) + " octets after the last attribute");
        }
        Inet4Address userIp;
        try {
            userIp = (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(datagram, 8, 12));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four octets are always an address", e);
        }
        return new Read.Packet(new PortalPacket(version, type.get(), datagram[2] != 0, getShort(datagram, 4), getShort(datagram, 6),
                userIp, getShort(datagram, 12), datagram[14] & 0xff, attributes));
    }

    /** The authenticator a v2 packet carries (a copy). */
    public static byte[] authenticatorOf(byte[] packet) {
        return Arrays.copyOfRange(packet, HEADER, HEADER + AUTHENTICATOR);
    }

    /** Whether a v2 packet's authenticator is right for {@code secret} over {@code base}; compared in constant time. */
    public static boolean authentic(byte[] packet, byte[] secret, byte[] base) {
        if (packet.length < HEADER + AUTHENTICATOR) {
            return false;
        }
        return MessageDigest.isEqual(authenticator(packet, base, secret), authenticatorOf(packet));
    }

    private static byte[] authenticator(byte[] packet, byte[] base, byte[] secret) {
        MessageDigest md5 = md5();
        md5.update(packet, 0, HEADER);
        md5.update(base, 0, AUTHENTICATOR);
        md5.update(packet, HEADER + AUTHENTICATOR, packet.length - HEADER - AUTHENTICATOR);
        md5.update(secret);
        return md5.digest();
    }

    /** CHAP's answer to the AC's challenge (RFC 1994): MD5(identifier ‖ password ‖ challenge), the identifier being ReqID's low octet. */
    public static byte[] chapPassword(int reqId, byte[] password, byte[] challenge) {
        MessageDigest md5 = md5();
        md5.update((byte) reqId);
        md5.update(password);
        md5.update(challenge);
        return md5.digest();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    private static int getShort(byte[] in, int at) {
        return (in[at] & 0xff) << 8 | in[at + 1] & 0xff;
    }
}
