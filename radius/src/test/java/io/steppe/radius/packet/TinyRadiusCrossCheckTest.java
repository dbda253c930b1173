package io.steppe.radius.packet;

import static io.steppe.radius.packet.Decodes.reason;
import static io.steppe.radius.packet.Decodes.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.dictionary.parser.DictionaryParser;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.AccessRequestChap;
import org.tinyradius.core.packet.request.AccessRequestPap;
import org.tinyradius.core.packet.request.AccountingRequest;
import org.tinyradius.core.packet.request.RadiusRequest;
import org.tinyradius.core.packet.response.RadiusResponse;

/**
 * Steppe's codec against an independent one, tinyradius-netty (a test dependency for this alone): what one
 * encodes, the other decodes, both ways, for PAP, CHAP, accounting and replies.
 */
class TinyRadiusCrossCheckTest {

    private static final String SECRET = "cross-check-secret";
    private static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);

    private static Dictionary dictionary;

    @BeforeAll
    static void parse() throws Exception {
        dictionary = DictionaryParser.newClasspathParser().parseDictionary("io/steppe/radius/dictionary/dictionary");
    }

    private static RadiusRequest theirs(byte[] packet, String secret) throws RadiusPacketException {
        return RadiusRequest.fromByteBuf(dictionary, Unpooled.wrappedBuffer(packet)).decodeRequest(secret);
    }

    private static byte[] accessRequest(AttributeWriter attributes) {
        new AccessRequestEncoder(SECRET_BYTES, new SplittableRandom(7)).encode(33, attributes);
        return attributes.toByteArray();
    }

    @Test
    void ourPapAndChapRequestsAreReadByTinyradius() throws Exception {
        String password = "a password of more than two blocks, 49 octets..";
        AccessRequestPap pap = assertInstanceOf(AccessRequestPap.class, theirs(accessRequest(new AttributeWriter().messageAuthenticator()
                .text(Attributes.USER_NAME, "alice").userPassword(password.getBytes(StandardCharsets.UTF_8))), SECRET));
        assertEquals(password, pap.getPassword().orElseThrow());
        assertEquals("alice", pap.getAttribute("User-Name").orElseThrow().getValueString());
        AccessRequestChap chap = assertInstanceOf(AccessRequestChap.class, theirs(accessRequest(new AttributeWriter()
                .messageAuthenticator().text(Attributes.USER_NAME, "bob").chapPassword("bob-pass".getBytes(StandardCharsets.UTF_8))), SECRET));
        assertTrue(chap.checkPassword("bob-pass"));
        assertThrows(RadiusPacketException.class, () -> theirs(accessRequest(new AttributeWriter().messageAuthenticator()
                .text(Attributes.USER_NAME, "bob").chapPassword(new byte[1])), "not-the-secret"), "Message-Authenticator");
    }

    @Test
    void tinyradiusPapAndChapRequestsAreReadByOurs() throws Exception {
        for (boolean isPap : new boolean[] {true, false}) {
            AccessRequest request = (AccessRequest) RadiusRequest.create(dictionary, (byte) 1, (byte) 9, null,
                    List.of(dictionary.createAttribute("User-Name", "carol"), dictionary.createAttribute("Calling-Station-Id", "AA-BB-CC-00-00-09")));
            AccessRequest withPassword = isPap ? request.withPapPassword("carol-pass") : request.withChapPassword("carol-pass");
            byte[] packet = withPassword.encodeRequest(SECRET).toBytes();
            AccessAttempt attempt = value(AccessRequestDecoder.decode("gw", 1, packet, SECRET_BYTES));
            assertEquals("carol", attempt.userName());
            Class<? extends Credential> kind = isPap ? Credential.Pap.class : Credential.ChapResponse.class;
            assertInstanceOf(kind, attempt.credential());
            assertTrue(attempt.credential().matches("carol-pass"), isPap ? "PAP" : "CHAP");
            assertTrue(attempt.clientMac().isPresent());
        }
    }

    @Test
    void accountingRequestsCrossBothWays() throws Exception {
        AttributeWriter ours = new AttributeWriter().integer(Attributes.ACCT_STATUS_TYPE, 3).text(Attributes.ACCT_SESSION_ID, "S-9")
                .text(Attributes.USER_NAME, "dave").integer(Attributes.ACCT_SESSION_TIME, 120);
        new AccountingRequestEncoder(SECRET_BYTES).encode(12, ours);
        AccountingRequest read = assertInstanceOf(AccountingRequest.class, theirs(ours.toByteArray(), SECRET));
        assertEquals("Interim-Update", read.getAttribute("Acct-Status-Type").orElseThrow().getValueString());
        assertEquals("120", read.getAttribute("Acct-Session-Time").orElseThrow().getValueString());
        assertThrows(RadiusPacketException.class, () -> theirs(ours.toByteArray(), "not-the-secret"));

        byte[] theirs = RadiusRequest.create(dictionary, (byte) 4, (byte) 13, null, List.of(
                dictionary.createAttribute("Acct-Status-Type", "Start"), dictionary.createAttribute("Acct-Session-Id", "S-10"),
                dictionary.createAttribute("User-Name", "erin"))).encodeRequest(SECRET).toBytes();
        AccountingRecord record = value(AccountingRequestDecoder.decode(theirs, SECRET_BYTES, 1, InetAddress.getLoopbackAddress(),
                Instant.now(), warning -> { }));
        assertEquals(AccountingRecord.Kind.START, record.kind());
        assertEquals("erin", record.userName());
        assertEquals(DropReason.BAD_AUTHENTICATOR, reason(AccountingRequestDecoder.decode(theirs, "x".getBytes(StandardCharsets.UTF_8), 1,
                InetAddress.getLoopbackAddress(), Instant.now(), warning -> { })));
    }

    @Test
    void repliesCrossBothWays() throws Exception {
        byte[] request = accessRequest(new AttributeWriter().messageAuthenticator().text(Attributes.USER_NAME, "frank")
                .userPassword(new byte[] {'p'}));
        byte[] requestAuthenticator = Arrays.copyOfRange(request, 4, 20);

        byte[] ours = ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, request, new AttributeWriter().messageAuthenticator()
                .integer(Attributes.SESSION_TIMEOUT, 3600).vendorInteger(14122, 8, 2_048_000), SECRET_BYTES);
        RadiusResponse read = RadiusResponse.fromByteBuf(dictionary, Unpooled.wrappedBuffer(ours)).decodeResponse(SECRET, requestAuthenticator);
        assertEquals("3600", read.getAttribute("Session-Timeout").orElseThrow().getValueString());
        assertThrows(RadiusPacketException.class, () -> RadiusResponse.fromByteBuf(dictionary, Unpooled.wrappedBuffer(ours))
                .decodeResponse("not-the-secret", requestAuthenticator));

        // tinyradius puts Message-Authenticator last; ours verifies it wherever it is.
        byte[] theirs = RadiusResponse.create(dictionary, (byte) 2, request[1], null,
                List.of(dictionary.createAttribute("Session-Timeout", "60"))).encodeResponse(SECRET, requestAuthenticator).toBytes();
        Reply reply = value(new ReplyDecoder().decode(theirs, request, SECRET_BYTES));
        assertEquals(PacketCode.ACCESS_ACCEPT, reply.code());
        assertEquals(60L, reply.attributes().integer(Attributes.SESSION_TIMEOUT).orElseThrow());
        assertTrue(reply.attributes().has(Attributes.MESSAGE_AUTHENTICATOR));
        assertEquals(DropReason.BAD_AUTHENTICATOR, reason(new ReplyDecoder().decode(theirs, request, "x".getBytes(StandardCharsets.UTF_8))));
    }
}
