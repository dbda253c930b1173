/**
 * From samples to judged cells: observations (device × res-9 cell × hour, by their median), capped per device,
 * counted per H3 cell at resolutions 7, 8 and 9 and judged {@code covered}, {@code gap}, {@code uncertain} or
 * {@code unmeasured} by {@link io.steppe.coverage.aggregate.CellJudge}. Recomputed only where new samples fell.
 */
package io.steppe.coverage.aggregate;
