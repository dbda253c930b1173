package io.steppe.bench;

import java.util.Locale;

/** What the RADIUS generator sends: which request, to which default port. */
public enum BenchMode {
    /** Access-Request with a hidden User-Password (RFC 2865 §5.2). */
    PAP(1812),
    /** Access-Request with CHAP-Password, the Request Authenticator as challenge (RFC 2865 §5.3). */
    CHAP(1812),
    /** Accounting-Request, Interim-Update (RFC 2866 §5.1). */
    ACCT(1813);

    private final int defaultPort;

    BenchMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** @throws IllegalArgumentException naming the option when {@code text} is not a mode */
    public static BenchMode parse(String text) {
        for (BenchMode mode : values()) {
            if (mode.label().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--mode must be pap, chap or acct, was '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean authentication() {
        return this != ACCT;
    }
}
