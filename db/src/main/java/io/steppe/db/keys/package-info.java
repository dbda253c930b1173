/**
 * Secrets kept outside the database in {@code $STEPPE_HOME/keys}: the embedded PostgreSQL's password and the
 * master keys that seal what the database holds (phone numbers, gateway secrets, vouchers).
 */
package io.steppe.db.keys;
