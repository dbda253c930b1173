/**
 * What APs report: the heartbeat as sent (JSON, validated field by field), the token that names its AP, and the
 * group-commit writer that keeps heartbeats cheap to take in.
 */
package io.steppe.controller.heartbeat;
