package io.steppe.portal.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * For the demo ({@code STEPPE_SMS=outbox}, what {@code steppe demo} uses): logs each message as {@link LogSmsSender}
 * does and keeps the last {@link #KEPT} in an outbox that an admin reads at {@code GET :8081/api/dev/sms-outbox}.
 * In memory: a demo's codes live five minutes, and a node's outbox shows the codes that node sent.
 */
public final class OutboxSmsSender implements SmsSender {

    static final int KEPT = 200;

    /** One message sent, to a masked number. */
    public record Sent(Instant at, String to, String text) {
    }

    private final SmsSender log = new LogSmsSender();
    private final Clock clock;
    private final Deque<Sent> outbox = new ArrayDeque<>();

    public OutboxSmsSender(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(PhoneNumber to, String text) {
        log.send(to, text);
        synchronized (outbox) {
            outbox.addFirst(new Sent(clock.instant(), to.masked(), text));
            while (outbox.size() > KEPT) {
                outbox.removeLast();
            }
        }
    }

    /** The newest first. */
    public List<Sent> outbox() {
        synchronized (outbox) {
            return List.copyOf(outbox);
        }
    }
}
