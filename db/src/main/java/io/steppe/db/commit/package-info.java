/** Group commit: many writes acknowledged by one transaction, shared by accounting and heartbeats. */
package io.steppe.db.commit;
