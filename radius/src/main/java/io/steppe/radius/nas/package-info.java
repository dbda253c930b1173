/**
 * Gateways (NAS, the RADIUS clients): who they are, the addresses they send from, the secrets they
 * share with Steppe and whether they have shown they sign their requests, kept in the {@code nas} table.
 */
package io.steppe.radius.nas;
