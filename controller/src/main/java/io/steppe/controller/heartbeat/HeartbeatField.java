package io.steppe.controller.heartbeat;

/**
 * The heartbeat fields Steppe reads, as the label of the count of values it ignored: a fixed set, so that an AP
 * sending made-up field names cannot grow the metrics. A field Steppe does not read counts as {@link #UNKNOWN}.
 */
public enum HeartbeatField {
    TIMESTAMP("timestamp"), INTERVAL_S("interval_s"), UPTIME_S("uptime_s"), LOAD("load"), MEMORY("memory"), CLIENTS("clients"),
    FIRMWARE("firmware"), RADIOS("radios"), RADIO("radios[]"), RADIO_BAND("radios.band"), RADIO_CHANNEL("radios.channel"),
    RADIO_TX_POWER_DBM("radios.tx_power_dbm"), RADIO_NOISE_DBM("radios.noise_dbm"), RADIO_UTILIZATION("radios.utilization"),
    RADIO_RETRIES("radios.retries"), RADIO_CLIENTS("radios.clients"), BACKHAUL("backhaul"), BACKHAUL_RTT_MS("backhaul.rtt_ms"),
    BACKHAUL_LOSS("backhaul.loss"), UNKNOWN("unknown");

    private final String label;

    HeartbeatField(String label) {
        this.label = label;
    }

    /** The metric label: the field's name in the JSON, dotted below {@code radios} and {@code backhaul}. */
    public String label() {
        return label;
    }

    /** The field of this name inside {@code parent} ({@code null} for the top level), or {@link #UNKNOWN}. */
    static HeartbeatField of(HeartbeatField parent, String name) {
        String label = parent == null ? name : (parent == RADIO ? "radios" : parent.label) + "." + name;
        for (HeartbeatField f : values()) {
            if (f != RADIO && f.label.equals(label)) {
                return f;
            }
        }
        return UNKNOWN;
    }
}
