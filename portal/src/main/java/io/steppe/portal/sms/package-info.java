/**
 * Logging in by SMS: mobile numbers (mainland China and international, E.164), one-time codes with their
 * limits, the senders that deliver them, and the vault that keeps numbers readable only by an admin export.
 */
package io.steppe.portal.sms;
