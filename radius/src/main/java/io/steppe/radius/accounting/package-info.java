/**
 * RADIUS accounting (RFC 2866): sessions recorded from Start, Interim-Update and Stop, gateway reboots
 * (Accounting-On/Off), stale sessions closed, and the group commit that acknowledges a record only after
 * it is durably in PostgreSQL.
 */
package io.steppe.radius.accounting;
