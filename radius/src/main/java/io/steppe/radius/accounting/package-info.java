/**
 * RADIUS accounting (RFC 2866): sessions recorded from Start, Interim-Update and Stop, gateway reboots
 * (Accounting-On/Off), stale sessions closed, and the group commit that acknowledges a record only after
 * it is durably in PostgreSQL. A record is judged before it is queued (text that is text, counters a session
 * can carry), so that no value of one record can fail the batch it is committed in.
 */
package io.steppe.radius.accounting;
