/**
 * A synthetic Ulanqab-like city for the demo, the tests and the benchmark: districts, villages, scenic spots,
 * roads, and drive-test samples from three operators with gaps planted at known places, all generated from a
 * seed so that every run is the same.
 */
package io.steppe.coverage.demo;
