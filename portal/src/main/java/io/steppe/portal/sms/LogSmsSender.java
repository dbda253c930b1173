package io.steppe.portal.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For development and the demo: writes each message to the log (the number masked) and keeps the last
 * {@link #KEPT} in an outbox that the API listener shows at {@code /api/dev/sms-outbox}.
 */
public final class LogSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogSmsSender.class);
    static final int KEPT = 200;

    /** One message sent. */
    public record Sent(Instant at, String to, String text) {
    }

    private final Clock clock;
    private final Deque<Sent> outbox = new ArrayDeque<>();

    public LogSmsSender(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(PhoneNumber to, String text) {
        LOG.info("SMS to {}: {}", to.masked(), text);
        outbox.addFirst(new Sent(clock.instant(), to.masked(), text));
        while (outbox.size() > KEPT) {
            outbox.removeLast();
        }
    }

    /** The newest first. */
    public synchronized List<Sent> outbox() {
        return List.copyOf(outbox);
    }
}
