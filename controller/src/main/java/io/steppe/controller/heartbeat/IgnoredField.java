package io.steppe.controller.heartbeat;

/**
 * A value of a heartbeat that Steppe left out, while the rest of the heartbeat counted.
 *
 * @param path    where it was, e.g. {@code radios[1].band}; an unknown field's name is shown printable and shortened
 * @param field   which of the fields Steppe reads it was, or {@link HeartbeatField#UNKNOWN}: the metric label
 * @param problem what was wrong with it, for the person who writes the AP's agent
 */
public record IgnoredField(String path, HeartbeatField field, String problem) {
}
