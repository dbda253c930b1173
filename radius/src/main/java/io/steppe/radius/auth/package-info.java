/**
 * Who may get online and for how long: one-time portal credentials, vouchers, remembered devices, daily
 * allowances and the reply attributes that carry them to the gateway. Each rule lives once, in {@code HotspotRules},
 * which decides from a snapshot of the rows an attempt needs, whether memory ({@code AccessCache}) or the database
 * ({@code SnapshotReader}) supplied them; the writes a decision implies are a separate step ({@code EffectWriter}).
 * Policy only; no sockets here.
 */
package io.steppe.radius.auth;
