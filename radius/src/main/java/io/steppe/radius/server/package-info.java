/**
 * The RADIUS server's I/O: UDP listeners for authentication and accounting on Netty (epoll where the
 * platform has it), the gateway directory, the duplicate cache, and the dispatcher that moves database
 * work off the event loop with a bounded queue.
 */
package io.steppe.radius.server;
