package io.steppe.radius.packet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The value of a {@code text} attribute (RFC 8044 §3.4: UTF-8), accepted only when it is text that can be
 * stored and shown: PostgreSQL refuses a NUL in {@code text}, and a control character in a User-Name or session
 * id only ever serves to break a log line or a CSV export. Bad octets are a property of the request, so they
 * are refused here, before the database, rather than discovered by it (where a NUL used to fail the query and
 * count as a database error).
 *
 * <p>Nearly every value is printable ASCII, and that is decided in one pass over the octets with no decoder
 * and no regular expression; only values with octets above 0x7F are decoded strictly.
 */
public final class TextAttribute {

    /** A text attribute that the request cannot do without is not text: the request is {@link DropReason#INVALID_TEXT}. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String attribute) {
            super(notText(attribute));
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // expected input from a broken or hostile gateway: no stack to walk
        }
    }

    private TextAttribute() {
    }

    /** Why {@code attribute} was refused, for a drop's detail. */
    public static String notText(String attribute) {
        return attribute + " holds a NUL, a control character or octets that are not UTF-8";
    }

    /**
     * As {@link #decode(byte[], int, int)}, for an attribute the request cannot do without.
     *
     * @throws Invalid naming {@code attribute} when the value is not text
     */
    public static String require(byte[] packet, int offset, int length, String attribute) {
        String text = decode(packet, offset, length);
        if (text == null) {
            throw new Invalid(attribute);
        }
        return text;
    }

    /**
     * The value as a string, or null when it holds a C0 control character (NUL included), DEL, or octets that
     * are not UTF-8.
     */
    public static String decode(byte[] packet, int offset, int length) {
        boolean ascii = true;
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = packet[i];
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20 || b == 0x7f) {
                return null;
            }
        }
        if (ascii) {
            return new String(packet, offset, length, StandardCharsets.ISO_8859_1); // the same characters, no decoding
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(packet, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** As {@link #decode(byte[], int, int)} for a whole array. */
    public static String decode(byte[] value) {
        return decode(value, 0, value.length);
    }

    /** Whether {@code text} has no character {@link #decode} refuses (for values built elsewhere than from octets). */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogateAt(text, i)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return true;
    }

    private static boolean validSurrogateAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
