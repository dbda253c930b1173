/**
 * Gap regions: connected gap cells of one operator merged into polygons, related to the places they touch,
 * ranked by a priority score, and followed by planners through {@code new → confirmed → planned → resolved}
 * (or {@code dismissed}) across re-aggregations. Also the cross-operator view: where no operator covers.
 */
package io.steppe.coverage.gap;
