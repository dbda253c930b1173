/**
 * The CoovaChilli UAM protocol, which most hotspot gateways speak: the redirect a new client arrives with,
 * its {@code md} checksum, and the {@code /logon} URL with the password encoded against the challenge.
 */
package io.steppe.portal.uam;
