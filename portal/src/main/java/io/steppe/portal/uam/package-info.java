/**
 * The CoovaChilli UAM protocol, which most hotspot gateways speak: the redirect a new client arrives with,
 * its {@code md} checksum, the checks that decide whether the portal may send a browser where a redirect says
 * ({@code RedirectCheck}, {@code AnsweredChallenges}), and the {@code /logon} URL with the password encoded against
 * the challenge.
 */
package io.steppe.portal.uam;
