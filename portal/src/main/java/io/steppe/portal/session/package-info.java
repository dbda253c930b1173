/** What the portal asks about a client that is already online: what it has left, and ending its session. */
package io.steppe.portal.session;
