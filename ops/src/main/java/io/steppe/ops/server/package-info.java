/**
 * The running Steppe: the one place where the database, the modules and the two HTTP listeners are
 * wired together, started in order and stopped gracefully.
 */
package io.steppe.ops.server;
