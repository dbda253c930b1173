package io.steppe.radius.packet;

import static io.steppe.radius.packet.Decodes.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Round trips through {@link AccessRequestDecoder}; the hiding itself against an independent implementation. */
class AccessRequestEncoderTest {

    static final byte[] SECRET = AccessRequestDecoderTest.SECRET_BYTES;

    static AccessAttempt roundTrip(AttributeWriter attributes, int identifier) {
        new AccessRequestEncoder(SECRET, new SplittableRandom(identifier)).encode(identifier, attributes);
        return value(AccessRequestDecoder.decode("gw", 1, attributes.toByteArray(), SECRET));
    }

    @Test
    void papPasswordsOfEveryLengthRoundTrip() {
        for (String password : new String[] {"", "a", "fifteen octets.", "exactly 16 octet", "seventeen octets.", "пароль, in UTF-8",
                "x".repeat(UserPassword.MAX_LENGTH)}) {
            AccessAttempt attempt = roundTrip(new AttributeWriter().messageAuthenticator().text(Attributes.USER_NAME, "alice")
                    .userPassword(password.getBytes(StandardCharsets.UTF_8)), 42);
            assertEquals("alice", attempt.userName());
            assertEquals(password, assertInstanceOf(Credential.Pap.class, attempt.credential()).password());
        }
    }

    @Test
    void hiddenPasswordIsWhatRfc2865Section52Makes() {
        byte[] password = "a password that takes three blocks: 40.".getBytes(StandardCharsets.UTF_8);
        AttributeWriter attributes = new AttributeWriter().userPassword(password);
        new AccessRequestEncoder(SECRET, new SplittableRandom(1)).encode(9, attributes);
        byte[] packet = attributes.toByteArray();
        assertEquals(22 + 48, packet.length);
        assertArrayEquals(AccessRequestDecoderTest.hide(password, Arrays.copyOfRange(packet, 4, 20)), Arrays.copyOfRange(packet, 22, 70));
    }

    @Test
    void chapIsAnsweredWithTheIdentifierAsIdentAndTheRequestAuthenticatorAsChallenge() {
        AccessAttempt attempt = roundTrip(new AttributeWriter().text(Attributes.USER_NAME, "bob").chapPassword("bob-pass".getBytes(StandardCharsets.UTF_8)), 200);
        Credential.ChapResponse chap = assertInstanceOf(Credential.ChapResponse.class, attempt.credential());
        assertEquals((byte) 200, chap.chap().ident());
        assertTrue(chap.matches("bob-pass"));
        assertFalse(chap.matches("bob-pas"));
    }

    @Test
    void messageAuthenticatorIsSignedWhereItWasWritten() {
        AttributeWriter attributes = new AttributeWriter().text(Attributes.USER_NAME, "bob").messageAuthenticator();
        int length = new AccessRequestEncoder(SECRET, new SplittableRandom(3)).encode(PacketCode.STATUS_SERVER, 7, attributes);
        byte[] packet = attributes.toByteArray();
        assertEquals(length, packet.length);
        assertEquals(12, packet[0]);
        int offset = DatagramCheck.findAttribute(packet, Attributes.MESSAGE_AUTHENTICATOR);
        assertEquals(25, offset);
        assertTrue(MessageAuthenticator.verify(packet, offset, SECRET));
        assertFalse(MessageAuthenticator.verify(packet, offset, "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachRequestHasAFreshAuthenticatorAndOneWriterServesMany() {
        AccessRequestEncoder encoder = new AccessRequestEncoder(SECRET, new SplittableRandom(4));
        AttributeWriter writer = new AttributeWriter(new byte[4096]);
        byte[] password = "pw".getBytes(StandardCharsets.UTF_8);
        encoder.encode(1, writer.reset().messageAuthenticator().text(Attributes.USER_NAME, "u").userPassword(password));
        byte[] first = writer.toByteArray();
        encoder.encode(1, writer.reset().messageAuthenticator().text(Attributes.USER_NAME, "u").userPassword(password));
        byte[] second = writer.toByteArray();
        assertNotEquals(Arrays.toString(Arrays.copyOfRange(first, 4, 20)), Arrays.toString(Arrays.copyOfRange(second, 4, 20)));
        for (byte[] packet : new byte[][] {first, second}) {
            assertTrue(value(AccessRequestDecoder.decode("gw", 1, packet, SECRET)).credential().matches("pw"));
            assertTrue(MessageAuthenticator.verify(packet, 20, SECRET));
        }
    }

    @Test
    void onlyRequestsWithARandomAuthenticatorAreEncodedHere() {
        assertThrows(IllegalArgumentException.class, () -> new AccessRequestEncoder(SECRET, new SplittableRandom(5))
                .encode(PacketCode.ACCOUNTING_REQUEST, 1, new AttributeWriter()));
    }
}
