/**
 * The CMCC-compatible Portal protocol that access controllers of Huawei, H3C and Ruijie speak with an external
 * portal over UDP: its packets ({@link io.steppe.portal.ac.PortalPacket}, {@link io.steppe.portal.ac.PortalCodec}),
 * the ACs registered for it, the redirect they send a new client with, and the exchange that logs a user on or
 * off through the AC.
 */
package io.steppe.portal.ac;
