/**
 * Steppe's 4G coverage analysis: carrier measurements imported from drive-test logs and crowd uploads,
 * aggregated per operator on H3 hexagons, judged covered / gap / uncertain / unmeasured with an exact
 * binomial test, merged into gap regions ranked against villages, scenic spots and roads, and drawn as
 * maps for planners. {@link io.steppe.coverage.CoverageConfig} holds every threshold.
 */
package io.steppe.coverage;
