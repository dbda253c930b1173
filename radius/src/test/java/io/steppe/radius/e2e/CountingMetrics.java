package io.steppe.radius.e2e;

import io.steppe.radius.RadiusMetrics;
import io.steppe.radius.packet.AccountingWarning;
import io.steppe.radius.packet.DropReason;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Metrics a test can read back. */
final class CountingMetrics implements RadiusMetrics {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    long get(String key) {
        AtomicLong v = counts.get(key);
        return v == null ? 0 : v.get();
    }

    long dropped(DropReason reason) {
        return get("dropped." + reason.label());
    }

    private void inc(String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void accepted(String nas) {
        inc("accepted");
    }

    @Override
    public void decided(boolean fromMemory) {
        inc(fromMemory ? "decided.memory" : "decided.database");
    }

    @Override
    public void rejected(String nas) {
        inc("rejected");
    }

    @Override
    public void dropped(DropReason reason, String nas) {
        inc("dropped." + reason.label());
    }

    @Override
    public void duplicateAnswered(String nas) {
        inc("duplicateAnswered");
    }

    @Override
    public void accountingWarning(AccountingWarning warning, String nas) {
        inc("warning." + warning.label());
    }

    long warned(AccountingWarning warning) {
        return get("warning." + warning.label());
    }

    @Override
    public void received(Kind kind, String nas) {
        inc("received." + kind);
    }
}
