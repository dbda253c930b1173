package io.steppe.controller.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why an AP is in its state: a stable code (API clients and alerts go by it) and the words for it as a message key
 * with its figures, so that each reader gets them in their own language and the city's time, however long ago the
 * reason was stored.
 *
 * @param code one of the constants here
 * @param key  the message in the controller's bundle, e.g. {@code Reason.channel_utilization}
 * @param args the figures, as text; a moment is an ISO-8601 instant, which {@link #text} shows as the reader's time
 */
public record Reason(String code, String key, List<String> args) {
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
    /** A gateway's or site's APs down together. */
    public static final String DOWN = "down";

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    /** Reasons stored before they had keys: their English text is all there is. */
    private static final String LEGACY = "Reason.legacy";

    public Reason {
        args = List.copyOf(args);
    }

    /** The reason {@code code} in its own words ({@code Reason.<code>}). */
    public static Reason of(String code, Object... args) {
        return variant(code, "", args);
    }

    /** The reason {@code code} worded as {@code Reason.<code>.<variant>}, or as itself for an empty variant. */
    public static Reason variant(String code, String variant, Object... args) {
        return new Reason(code, "Reason." + code + (variant.isEmpty() ? "" : "." + variant),
                Arrays.stream(args).map(a -> a instanceof Instant ? ((Instant) a).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                        : String.valueOf(a)).toList());
    }

    /** The reason in {@code words}. */
    public String text(Words words) {
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            String a = args.get(i);
            shown[i] = INSTANT.matcher(a).matches() ? words.time(Instant.parse(a)) : a;
        }
        return words.get(key, shown);
    }

    /** As stored in a {@code text[]} column: {@code code|key|arg|arg…}. */
    public String stored() {
        List<String> parts = new ArrayList<>();
        parts.add(code);
        parts.add(key);
        args.forEach(a -> parts.add(a.replace('|', '/')));
        return String.join("|", parts);
    }

    /** What {@link #stored} wrote, or a reason stored before keys as {@code code|English text}. */
    public static Reason parse(String stored) {
        String[] parts = stored.split("\\|", -1);
        if (parts.length >= 2 && parts[1].startsWith("Reason.")) {
            return new Reason(parts[0], parts[1], Arrays.asList(parts).subList(2, parts.length));
        }
        int bar = stored.indexOf('|');
        return bar < 0 ? new Reason(stored, LEGACY, List.of(stored))
                : new Reason(stored.substring(0, bar), LEGACY, List.of(stored.substring(bar + 1)));
    }

    @Override
    public String toString() {
        return code + args;
    }
}
