package io.steppe.coverage.map;

/** One aggregated cell as maps and the cells endpoint show it. */
public record MapCell(String operator, int resolution, long h3, String status, String severity, int observations, int bad,
                      int devices, long samples, java.time.OffsetDateTime firstSeen, java.time.OffsetDateTime lastSeen,
                      Short medianRsrp, Short p10Rsrp, int good, int fair, int poor, int none) {
}
