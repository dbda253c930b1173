package io.steppe.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One run of the RADIUS generator, validated once: every value is bounded so that a run always ends and
 * never floods the machine. The shared secret and the password never appear in {@link #toString()}.
 *
 * @param ratePerSecond requests offered per second, or 0 for as fast as the window allows
 * @param window        requests outstanding at most
 * @param warmup        time sent but not counted, before {@code duration}
 * @param timeout       after which an unanswered request is lost and its slot freed
 */
public record RadiusBenchPlan(BenchMode mode, LoopbackTarget target, String secret, Optional<String> user,
                              Optional<String> password, int ratePerSecond, Duration duration, Duration warmup,
                              int window, Duration timeout, java.util.List<Login> users) {

    /** One account of {@code --users}: requests cycle through them, as many subscribers would. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + ", <redacted>]";
        }
    }

    public static final Duration MAX_DURATION = Duration.ofSeconds(600);
    public static final Duration MAX_WARMUP = Duration.ofSeconds(60);
    public static final int MAX_RATE = 1_000_000;
    public static final int MAX_WINDOW = 16_384;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** RFC 2865 §5.2: User-Password holds at most 128 octets. */
    private static final int MAX_PASSWORD = 128;

    public RadiusBenchPlan {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("--secret must not be empty");
        }
        users = java.util.List.copyOf(users);
        if (mode.authentication() && users.isEmpty() && (user.isEmpty() || password.isEmpty())) {
            throw new IllegalArgumentException("--mode " + mode.label() + " needs --user and --password, or --users, of accounts the server accepts");
        }
        if (password.map(p -> p.isEmpty() || p.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD).orElse(false)) {
            throw new IllegalArgumentException("--password must be 1 to 128 octets");
        }
        if (user.map(u -> u.isEmpty() || u.getBytes(StandardCharsets.UTF_8).length > 200).orElse(false)) {
            throw new IllegalArgumentException("--user must be 1 to 200 octets");
        }
        if (ratePerSecond < 0 || ratePerSecond > MAX_RATE) {
            throw new IllegalArgumentException("--rate must be 1 to " + MAX_RATE + " requests per second, was " + ratePerSecond);
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be 1 to 600 seconds, was " + duration.toSeconds());
        }
        if (warmup.isNegative() || warmup.compareTo(MAX_WARMUP) > 0) {
            throw new IllegalArgumentException("--warmup must be 0 to 60 seconds, was " + warmup.toSeconds());
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("--window must be 1 to " + MAX_WINDOW + ", was " + window);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("the reply timeout must be above 0 and at most 30 seconds");
        }
    }

    /** Whether requests go out as fast as answers free the window rather than at a fixed rate. */
    public boolean unthrottled() {
        return ratePerSecond == 0;
    }

    /**
     * Source ports to spread the window over: identifiers are 8 bits per port, and with at least twice as many
     * (port, identifier) slots as the window a slot is reused only long after its last answer.
     */
    public int channels() {
        return Math.max(4, (window + 127) / 128);
    }

    /** The longest a run can take, warm-up, measuring and waiting for the last answers included. */
    public Duration longest() {
        return warmup.plus(duration).plus(timeout);
    }

    @Override
    public String toString() {
        return "RadiusBenchPlan[mode=" + mode.label() + ", target=" + target + ", secret=<redacted>, user=" + user.orElse("-")
                + ", password=" + (password.isPresent() ? "<redacted>" : "-") + ", rate=" + (unthrottled() ? "max" : ratePerSecond)
                + ", duration=" + duration + ", warmup=" + warmup + ", window=" + window + ", timeout=" + timeout + "]";
    }
}
