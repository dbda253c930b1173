/**
 * Alerts: one per AP incident, following the AP's committed state and reasons until it recovers, grouped into one
 * per gateway or site when most of its APs are down; stored as codes and figures (worded when read), acknowledged
 * with a note, and delivered to the log and a webhook (retried with backoff).
 */
package io.steppe.controller.alert;
