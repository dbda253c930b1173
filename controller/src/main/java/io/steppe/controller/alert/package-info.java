/**
 * Alerts: opened and resolved as committed states change, one per AP and reason, grouped into one per gateway or
 * site when most of its APs are down, stored, and delivered to the log and a webhook (retried with backoff).
 */
package io.steppe.controller.alert;
