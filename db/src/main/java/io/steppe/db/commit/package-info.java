/**
 * How writes reach the disk: group commit (many writes acknowledged by one transaction, shared by accounting and
 * heartbeats), and transactions that need not wait for it.
 */
package io.steppe.db.commit;
