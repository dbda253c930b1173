package io.steppe.coverage.sample;

/**
 * One validated measurement. Optional values are {@code null} when absent or emptied as out of range.
 *
 * @param measuredAt epoch milliseconds
 * @param operator   MCC followed by MNC, e.g. {@code 46000}
 * @param device     the device, or the trace it was logged in when the log names no device
 */
public record Sample(long measuredAt, double latitude, double longitude, String operator, Rat rat, Integer rsrp,
                     Float rsrq, Float sinr, Float downMbps, Float upMbps, String device) {
}
