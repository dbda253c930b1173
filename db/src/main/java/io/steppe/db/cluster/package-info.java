/**
 * Several nodes on one database: the notices by which a committed change tells every node what it made stale in
 * memory ({@link io.steppe.db.cluster.CacheNotices}), the lease that lets one node at a time run the work that must
 * happen once ({@link io.steppe.db.cluster.SingletonLease}), and the nodes' register.
 */
package io.steppe.db.cluster;
