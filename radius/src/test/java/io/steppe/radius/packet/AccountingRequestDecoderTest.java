package io.steppe.radius.packet;

import static io.steppe.radius.packet.Decodes.reason;
import static io.steppe.radius.packet.Decodes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.net.MacAddress;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccountingRequestDecoderTest {

    static final byte[] SECRET = AccountingRequestEncoderTest.SECRET;
    static final Instant ARRIVAL = Instant.parse("2026-12-01T08:00:00Z");

    final List<AccountingWarning> warnings = new ArrayList<>();

    Decoded<AccountingRecord> decode(byte[] packet) {
        return AccountingRequestDecoder.decode(packet, SECRET, 5, InetAddress.getLoopbackAddress(), ARRIVAL, warnings::add);
    }

    static byte[] encode(AttributeWriter attributes) {
        new AccountingRequestEncoder(SECRET).encode(1, attributes);
        return attributes.toByteArray();
    }

    static AttributeWriter interim() {
        return new AttributeWriter().integer(Attributes.ACCT_STATUS_TYPE, 3).text(Attributes.ACCT_SESSION_ID, "S-1")
                .text(Attributes.USER_NAME, "alice").text(Attributes.CALLING_STATION_ID, "AA-BB-CC-00-00-01")
                .text(Attributes.CALLED_STATION_ID, "02-00-5E-10-00-01:Ulanqab-Free")
                .octets(Attributes.CLASS, AccountingRequestDecoder.classFor(42))
                .integer(Attributes.ACCT_SESSION_TIME, 60).integer(Attributes.ACCT_INPUT_OCTETS, 1000)
                .integer(Attributes.ACCT_OUTPUT_OCTETS, 5).integer(Attributes.ACCT_OUTPUT_GIGAWORDS, 1);
    }

    @Test
    void anInterimUpdateRoundTrips() {
        AccountingRecord record = value(decode(encode(interim())));
        assertEquals(AccountingRecord.Kind.INTERIM_UPDATE, record.kind());
        assertEquals("S-1", record.sessionId());
        assertEquals("alice", record.userName());
        assertEquals(Optional.of(42L), record.subscriberId());
        assertEquals(Optional.of(MacAddress.parse("aa:bb:cc:00:00:01")), record.clientMac());
        assertEquals(Optional.of("Ulanqab-Free"), record.ssid());
        assertEquals(1000, record.inputOctets());
        assertEquals((1L << 32) + 5, record.outputOctets());
        assertEquals(ARRIVAL, record.eventTime());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aRequestSignedWithAnotherSecretIsDropped() {
        AttributeWriter attributes = interim();
        new AccountingRequestEncoder("other".getBytes(StandardCharsets.UTF_8)).encode(1, attributes);
        assertEquals(DropReason.BAD_AUTHENTICATOR, reason(decode(attributes.toByteArray())));
    }

    @Test
    void valuesThatCannotBeStoredAreDroppedWithTheReason() {
        assertEquals(DropReason.INVALID_TEXT, reason(decode(encode(new AttributeWriter().integer(Attributes.ACCT_STATUS_TYPE, 1)
                .octets(Attributes.ACCT_SESSION_ID, new byte[] {'s', 0})))));
        assertEquals(DropReason.UNDECODABLE, reason(decode(encode(new AttributeWriter().text(Attributes.ACCT_SESSION_ID, "s")))),
                "no Acct-Status-Type");
        assertEquals(DropReason.UNDECODABLE, reason(decode(encode(new AttributeWriter().integer(Attributes.ACCT_STATUS_TYPE, 1)))),
                "no Acct-Session-Id");
    }

    @Test
    void malformedDatagramsAreDroppedAsMalformedNeverThrown() {
        byte[] packet = encode(interim());
        for (int length = 0; length < packet.length; length++) {
            assertEquals(DropReason.MALFORMED_LENGTH, Decodes.reasonWithoutException(decode(Arrays.copyOf(packet, length))));
        }
        AttributeWriter broken = interim();
        broken.array()[21] = 1; // Acct-Status-Type's length
        assertEquals(DropReason.MALFORMED_ATTRIBUTE, Decodes.reasonWithoutException(decode(encode(broken))));
        SplittableRandom random = new SplittableRandom(2866);
        for (int i = 0; i < 5_000; i++) {
            byte[] mangled = packet.clone();
            mangled[DatagramCheck.HEADER_LENGTH + random.nextInt(mangled.length - DatagramCheck.HEADER_LENGTH)] = (byte) random.nextInt(256);
            AttributeWriter resigned = new AttributeWriter(mangled.length);
            resigned.encoded(Arrays.copyOfRange(mangled, DatagramCheck.HEADER_LENGTH, mangled.length));
            Decoded<AccountingRecord> decoded = decode(encode(resigned));
            if (decoded instanceof Decoded.Dropped<AccountingRecord>) {
                Decodes.reasonWithoutException(decoded);
            }
        }
    }
}
