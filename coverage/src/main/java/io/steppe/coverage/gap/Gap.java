package io.steppe.coverage.gap;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A gap region as planners see it. {@code operator} is an MCC-MNC, or {@code all} in the cross-operator view
 * (where {@code id} is 0: those regions are computed on request and carry no status).
 */
public record Gap(long id, String operator, String status, String note, boolean reappeared, String severity, int cells,
                  double areaKm2, long samples, int observations, Short medianRsrp, List<String> villages, int people,
                  List<String> scenicSpots, double roadKm, int accessPoints, double priority, Geometry geometry,
                  List<Long> cellIds, String confidence, double qValue) {
}
