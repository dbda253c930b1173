package io.steppe.controller.health;

/**
 * Why an AP is in its state: a stable code (alerts are deduplicated on it) and a sentence with the figures.
 *
 * @param code one of the constants here
 * @param text e.g. "channel utilisation 93 % on 2.4 GHz (threshold 80 %)"
 */
public record Reason(String code, String text) {
    public static final String SILENT = "silent";
    public static final String AGENT_SILENT = "agent_silent";
    public static final String USERS_ACTIVE = "users_active";
    public static final String NEVER_SEEN = "never_seen";
    public static final String CHANNEL_UTILIZATION = "channel_utilization";
    public static final String NOISE = "noise";
    public static final String RETRIES = "retries";
    public static final String BACKHAUL_LOSS = "backhaul_loss";
    public static final String BACKHAUL_RTT = "backhaul_rtt";
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String CLIENTS = "clients";
    public static final String FIRMWARE = "firmware";

    @Override
    public String toString() {
        return text;
    }
}
