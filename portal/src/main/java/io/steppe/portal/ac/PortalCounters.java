package io.steppe.portal.ac;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the Portal protocol's socket has done since start, for the metrics. */
public final class PortalCounters {

    private final Map<PortalServer.Drop, LongAdder> dropped = new EnumMap<>(PortalServer.Drop.class);
    private final Map<PortalServer.Outcome, LongAdder> logins = new EnumMap<>(PortalServer.Outcome.class);
    private final Map<PortalServer.Outcome, LongAdder> logouts = new EnumMap<>(PortalServer.Outcome.class);
    private final LongAdder logoutNotices = new LongAdder();
    private final LongAdder repeatedAnswered = new LongAdder();

    PortalCounters() {
        for (PortalServer.Drop d : PortalServer.Drop.values()) {
            dropped.put(d, new LongAdder());
        }
        for (PortalServer.Outcome o : PortalServer.Outcome.values()) {
            logins.put(o, new LongAdder());
            logouts.put(o, new LongAdder());
        }
    }

    void drop(PortalServer.Drop why) {
        dropped.get(why).increment();
    }

    void finished(boolean logout, PortalServer.Outcome outcome) {
        (logout ? logouts : logins).get(outcome).increment();
    }

    /** A login refused before any packet was sent: too many in progress, or one for that user already. */
    void refusedBusy() {
        logins.get(PortalServer.Outcome.BUSY).increment();
    }

    void logoutNoticed() {
        logoutNotices.increment();
    }

    void answeredAgain() {
        repeatedAnswered.increment();
    }

    public long dropped(PortalServer.Drop why) {
        return dropped.get(why).sum();
    }

    public long logins(PortalServer.Outcome outcome) {
        return logins.get(outcome).sum();
    }

    public long logouts(PortalServer.Outcome outcome) {
        return logouts.get(outcome).sum();
    }

    public long logoutNotices() {
        return logoutNotices.sum();
    }

    /** Packets an AC sent again, answered again without acting twice. */
    public long repeatedAnswered() {
        return repeatedAnswered.sum();
    }
}
