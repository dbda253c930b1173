package io.steppe.controller.heartbeat;

import java.io.IOException;
import java.io.InputStream;

/**
 * A heartbeat's body, read only up to the limit: a body that says it is larger is refused before a byte of it is
 * read, and one that turns out larger (sent without a length) is refused at the first byte past the limit.
 */
public final class HeartbeatBody {

    private HeartbeatBody() {
    }

    /**
     * @param declared the request's Content-Length, negative when it has none
     * @throws HeartbeatRejected {@code TOO_LARGE}, or {@code MALFORMED} when the body broke off
     */
    public static byte[] read(InputStream in, long declared, int max) {
        if (declared > max) {
            throw tooLarge("the body is " + declared + " bytes", max);
        }
        byte[] body;
        try {
            body = in == null ? new byte[0] : in.readNBytes(max + 1);
        } catch (IOException | RuntimeException e) {
            throw new HeartbeatRejected(HeartbeatRejected.Kind.MALFORMED, "the body could not be read to its end");
        }
        if (body.length > max) {
            throw tooLarge("the body is over " + max + " bytes", max);
        }
        return body;
    }

    private static HeartbeatRejected tooLarge(String what, int max) {
        return new HeartbeatRejected(HeartbeatRejected.Kind.TOO_LARGE, what + "; at most " + max + " are accepted");
    }
}
