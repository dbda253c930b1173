package io.steppe.coverage.gap;

import io.steppe.coverage.aggregate.Severity;

/** What a gap region needs of one of its res-8 cells. */
public record GapCell(long h3, Severity severity, long samples, int observations, Short medianRsrp) {
}
