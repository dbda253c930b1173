/**
 * Backups of a Steppe home: the embedded PostgreSQL copied while it runs and the key files beside it, in one
 * archive sealed with a passphrase, and their restore into a new, empty home.
 */
package io.steppe.ops.backup;
