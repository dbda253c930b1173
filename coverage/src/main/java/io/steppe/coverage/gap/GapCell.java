package io.steppe.coverage.gap;

import io.steppe.coverage.aggregate.Severity;

/**
 * What a gap region needs of one of its res-8 cells.
 *
 * @param qValue    its adjusted p-value in its operator's family of cells
 * @param discovery whether it is a gap on its own evidence (it survives the family's correction), not only beside one
 */
public record GapCell(long h3, Severity severity, long samples, int observations, Short medianRsrp, double qValue,
                      boolean discovery) {
}
