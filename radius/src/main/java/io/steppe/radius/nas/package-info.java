/**
 * Gateways (NAS, the RADIUS clients): who they are, the addresses they send from and the secrets they
 * share with Steppe, kept in the {@code nas} table.
 */
package io.steppe.radius.nas;
