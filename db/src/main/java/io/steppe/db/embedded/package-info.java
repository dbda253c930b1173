/**
 * The embedded PostgreSQL that Steppe starts when no external database is configured: its data
 * directory under {@code $STEPPE_HOME/pgdata}, one server per directory, recovery after a killed
 * instance, and attaching to the server that a running {@code steppe serve} owns.
 */
package io.steppe.db.embedded;
