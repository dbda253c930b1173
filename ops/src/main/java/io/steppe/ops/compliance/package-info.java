/**
 * The real-name access log the law asks a public Wi-Fi to keep (MPS Order 82, the Cybersecurity Law): who had which
 * address, from which device, through which gateway and AP, from when to when, answered from the session tables for
 * {@code steppe compliance export} and {@code GET /api/compliance/sessions}, every answer audited.
 */
package io.steppe.ops.compliance;
