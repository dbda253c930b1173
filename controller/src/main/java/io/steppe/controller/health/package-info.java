/**
 * Health states: what an AP's last heartbeat, a probe of its management port and RADIUS accounting say about
 * it ({@link io.steppe.controller.health.HealthJudge}), held for a while before a change counts
 * ({@link io.steppe.controller.health.ApHealth}, hysteresis and flap counting), evaluated for every AP
 * periodically ({@link io.steppe.controller.health.HealthEvaluator}).
 */
package io.steppe.controller.health;
