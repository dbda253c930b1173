package io.steppe.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.radius.packet.PacketCode;
import io.steppe.radius.packet.ReplyEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replies made by Steppe's own {@link ReplyEncoder} pass; another secret or another request's authenticator fail. */
class ReplyCheckTest {

    private static final byte[] REQUEST_AUTHENTICATOR = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void acceptsTheReplyToItsRequestOnly() {
        byte[] reply = ReplyEncoder.encode(PacketCode.ACCESS_ACCEPT, 7, REQUEST_AUTHENTICATOR,
                List.of(ReplyEncoder.integer(27, 3600)), "testing123".getBytes(StandardCharsets.UTF_8), true);
        byte[] slots = new byte[32];
        System.arraycopy(REQUEST_AUTHENTICATOR, 0, slots, 16, 16);
        assertTrue(new ReplyCheck("testing123").answers(reply, reply.length, slots, 16));
        assertFalse(new ReplyCheck("other-secret").answers(reply, reply.length, slots, 16));
        assertFalse(new ReplyCheck("testing123").answers(reply, reply.length, slots, 0), "a stale reply to an earlier request");
    }

    @Test
    void acceptsAnAccountingResponse() {
        byte[] reply = ReplyEncoder.encode(PacketCode.ACCOUNTING_RESPONSE, 200, REQUEST_AUTHENTICATOR, List.of(),
                "s".getBytes(StandardCharsets.UTF_8), false);
        assertTrue(new ReplyCheck("s").answers(reply, reply.length, REQUEST_AUTHENTICATOR, 0));
    }
}
