/** Simulators that play the equipment around Steppe, for the demo and for end-to-end tests: a UAM hotspot gateway. */
package io.steppe.bench.sim;
