package io.steppe.controller.health;

/** What an operator needs to know of an AP, worst last. */
public enum ApState {
    /** Never heard from. */
    UNKNOWN,
    /** Reporting, every figure within its threshold. */
    UP,
    /** Reporting (or answering probes) with something wrong: see the reasons. */
    DEGRADED,
    /** Heartbeats stopped but users are still active through it: its agent or management path is broken. */
    UNREACHABLE,
    /** No heartbeat for the configured number of intervals and no probe answered. */
    DOWN;

    /** Whether this state is an incident. */
    public boolean isProblem() {
        return this == DEGRADED || this == UNREACHABLE || this == DOWN;
    }
}
