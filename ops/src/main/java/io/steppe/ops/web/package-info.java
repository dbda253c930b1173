/**
 * The launcher's own HTTP endpoints: health, Prometheus metrics with the request counter that feeds them, open
 * RADIUS sessions and their disconnection, the development SMS outbox, and the admin pages that span modules:
 * vouchers (issued and revoked through {@code radius}), console accounts (through {@code web}) and the audit log. Each says who may call it with
 * {@link io.steppe.web.Allowed} or {@link io.steppe.web.WithoutLogin}, like every other module's controllers.
 */
package io.steppe.ops.web;
