package io.steppe.controller.history;

import java.time.Instant;

/**
 * An AP's figures at one time (raw) or averaged over a bucket starting there; absent figures are null.
 *
 * @param clientsMax the most clients seen in the bucket (the count itself for a raw point)
 */
public record HistoryPoint(Instant at, int samples, Float clients, Integer clientsMax, Float cpuLoad, Float memory,
                           Float channelUtilization, Float noiseDbm, Float rttMs, Float loss) {
}
