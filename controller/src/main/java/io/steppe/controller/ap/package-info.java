/** The access point inventory: what is installed where, behind which gateway, and its heartbeat token. */
package io.steppe.controller.ap;
