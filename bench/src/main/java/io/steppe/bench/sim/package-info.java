/**
 * Simulators that play the equipment around Steppe, for the demo and for end-to-end tests: a UAM hotspot gateway
 * and its APs. Their RADIUS goes through the server's own codec ({@code io.steppe.radius.packet}).
 */
package io.steppe.bench.sim;
