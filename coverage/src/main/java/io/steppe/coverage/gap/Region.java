package io.steppe.coverage.gap;

import io.steppe.coverage.aggregate.Severity;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A connected set of gap cells as one polygon (WGS84).
 *
 * @param medianRsrp the median of its cells' median RSRP, null when no cell had any (no service at all)
 * @param qValue     the smallest adjusted p-value of its cells: the false discovery rate at which its strongest
 *                   cell would still be a gap
 */
public record Region(List<Long> cells, Geometry geometry, Severity severity, double areaKm2, long samples,
                     int observations, Short medianRsrp, Confidence confidence, double qValue) {
}
