package io.steppe.bench.sim;

/**
 * An AP the simulator plays, with its token and what happens to it.
 *
 * @param id        the registered AP's id
 * @param token     its heartbeat token (never shown)
 * @param behaviour its schedule
 */
public record SimulatedAp(String id, String token, Behaviour behaviour) {

    /** What an AP does once the scenario's trouble starts. */
    public enum Behaviour {
        /** Reports healthy figures throughout. */
        HEALTHY,
        /** Keeps reporting, with a saturated channel and a slow, lossy backhaul. */
        DEGRADING,
        /** Falls silent for good. */
        FAILING,
        /** Falls silent for four intervals, reports for one, over and over. */
        FLAPPING
    }

    @Override
    public String toString() {
        return "SimulatedAp[id=" + id + ", token=***, behaviour=" + behaviour + "]";
    }
}
