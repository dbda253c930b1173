package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a packet's attributes (RFC 2865 §5) straight into the array the packet is sent from, after room for
 * the header, for every encoder: requests, replies, accounting, CoA/Disconnect. Attributes whose value depends
 * on the Request Authenticator (User-Password, CHAP-Password, Message-Authenticator) are only given their room
 * here; the encoder fills them in once the authenticator is known. The array grows as needed up to the 4096
 * octets of RFC 2865 §3; a caller that sends many packets passes its own and {@link #reset}s between them.
 * Not thread-safe.
 */
public final class AttributeWriter {

    private static final int MAX_VALUE = 253;
    /** Enough for any reply Steppe sends without Proxy-States (an Access-Accept is about 150 octets). */
    private static final int DEFAULT_CAPACITY = 256;

    private byte[] buffer;
    private int position;
    private int messageAuthenticator;
    private int password;
    private byte[] clearPassword;

    public AttributeWriter() {
        this(DEFAULT_CAPACITY);
    }

    public AttributeWriter(int capacity) {
        this(new byte[Math.max(capacity, DatagramCheck.HEADER_LENGTH)]);
    }

    /** Writes into {@code buffer}, which the caller may reuse for one packet after another. */
    public AttributeWriter(byte[] buffer) {
        this.buffer = buffer;
        reset();
    }

    /** Forgets the attributes written, to write another packet into the same array. */
    public AttributeWriter reset() {
        position = DatagramCheck.HEADER_LENGTH;
        messageAuthenticator = -1;
        password = -1;
        clearPassword = null;
        return this;
    }

    /** An attribute with {@code value} as its octets. */
    public AttributeWriter octets(int type, byte[] value) {
        return octets(type, value, 0, value.length);
    }

    /** An attribute with {@code value[offset, offset + length)} as its octets. */
    public AttributeWriter octets(int type, byte[] value, int offset, int length) {
        int at = start(type, length);
        System.arraycopy(value, offset, buffer, at, length);
        return this;
    }

    /** A text attribute, in UTF-8 (RFC 8044 §3.4). */
    public AttributeWriter text(int type, String value) {
        return octets(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A 32-bit unsigned integer attribute (RFC 8044 §3.1); only the low 32 bits of {@code value} are sent. */
    public AttributeWriter integer(int type, long value) {
        putInt(buffer, start(type, 4), value);
        return this;
    }

    /** A vendor-specific attribute (RFC 2865 §5.26) carrying one 32-bit integer sub-attribute. */
    public AttributeWriter vendorInteger(int vendorId, int vendorType, long value) {
        int at = start(Attributes.VENDOR_SPECIFIC, 10);
        putInt(buffer, at, vendorId);
        buffer[at + 4] = (byte) vendorType;
        buffer[at + 5] = 6;
        putInt(buffer, at + 6, value);
        return this;
    }

    /** Attributes already encoded, type and length included, as {@link #attributes()} returns them. */
    public AttributeWriter encoded(byte[] attributes) {
        ensure(attributes.length);
        System.arraycopy(attributes, 0, buffer, position, attributes.length);
        position += attributes.length;
        return this;
    }

    /**
     * Every Proxy-State of {@code request}, unmodified and in order, as a reply must carry them (RFC 2865 §5.33);
     * {@code request} must have passed {@link DatagramCheck}.
     */
    public AttributeWriter proxyStates(byte[] request) {
        int length = DatagramCheck.packetLength(request);
        for (int offset = DatagramCheck.HEADER_LENGTH; offset < length; offset += request[offset + 1] & 0xff) {
            if ((request[offset] & 0xff) == Attributes.PROXY_STATE) {
                int attributeLength = request[offset + 1] & 0xff;
                ensure(attributeLength);
                System.arraycopy(request, offset, buffer, position, attributeLength);
                position += attributeLength;
            }
        }
        return this;
    }

    /** Room for Message-Authenticator (RFC 3579 §3.2), which the encoder signs last. Write it first against BlastRADIUS. */
    public AttributeWriter messageAuthenticator() {
        messageAuthenticator = position;
        int at = start(Attributes.MESSAGE_AUTHENTICATOR, 16);
        Arrays.fill(buffer, at, at + 16, (byte) 0);
        return this;
    }

    /**
     * Room for User-Password, which the request encoder hides (RFC 2865 §5.2). {@code password} is kept, not
     * copied, until then.
     *
     * @throws IllegalArgumentException when it is longer than 128 octets
     */
    public AttributeWriter userPassword(byte[] password) {
        requireOnePassword();
        this.password = position;
        this.clearPassword = password;
        start(Attributes.USER_PASSWORD, UserPassword.hiddenLength(password.length));
        return this;
    }

    /**
     * Room for CHAP-Password, whose response to the Request Authenticator (RFC 2865 §5.3) the request encoder
     * computes with the packet's identifier as CHAP ident. {@code password} is kept, not copied, until then.
     */
    public AttributeWriter chapPassword(byte[] password) {
        requireOnePassword();
        this.password = position;
        this.clearPassword = password;
        start(Attributes.CHAP_PASSWORD, Chap.PASSWORD_LENGTH);
        return this;
    }

    /** A copy of the attributes written so far, to be {@link #encoded} into other packets. */
    public byte[] attributes() {
        return Arrays.copyOfRange(buffer, DatagramCheck.HEADER_LENGTH, position);
    }

    /** The packet's octets, after an encoder has filled in the header: {@code length()} of them. */
    public byte[] array() {
        return buffer;
    }

    public int length() {
        return position;
    }

    /** A copy of the packet, exactly {@code length()} octets long. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /** Writes the header but for the authenticator; the packet's length. */
    int header(PacketCode code, int identifier) {
        buffer[0] = (byte) code.code();
        buffer[1] = (byte) identifier;
        buffer[2] = (byte) (position >>> 8);
        buffer[3] = (byte) position;
        return position;
    }

    /** Where Message-Authenticator starts, or -1. */
    int messageAuthenticatorOffset() {
        return messageAuthenticator;
    }

    /** Where User-Password or CHAP-Password starts, or -1. */
    int passwordOffset() {
        return password;
    }

    byte[] clearPassword() {
        return clearPassword;
    }

    static void putInt(byte[] out, int offset, long value) {
        out[offset] = (byte) (value >>> 24);
        out[offset + 1] = (byte) (value >>> 16);
        out[offset + 2] = (byte) (value >>> 8);
        out[offset + 3] = (byte) value;
    }

    /** Writes type and length; where the value goes. */
    private int start(int type, int valueLength) {
        if (valueLength > MAX_VALUE) {
            throw new IllegalArgumentException("attribute " + type + " value of " + valueLength + " octets exceeds 253");
        }
        ensure(valueLength + 2);
        buffer[position] = (byte) type;
        buffer[position + 1] = (byte) (valueLength + 2);
        position += valueLength + 2;
        return position - valueLength;
    }

    private void ensure(int more) {
        int needed = position + more;
        if (needed > DatagramCheck.MAX_LENGTH) {
            throw new IllegalArgumentException("a packet of " + needed + " octets exceeds RADIUS's 4096");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(DatagramCheck.MAX_LENGTH, Math.max(needed, 2 * buffer.length)));
        }
    }

    private void requireOnePassword() {
        if (password >= 0) {
            throw new IllegalStateException("a request carries one password attribute, User-Password or CHAP-Password");
        }
    }
}
