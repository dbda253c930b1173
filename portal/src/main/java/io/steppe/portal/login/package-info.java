/** Logging in on the portal: checking what the user typed, and the one-time credential handed to the gateway. */
package io.steppe.portal.login;
