package io.steppe.controller.heartbeat;

/** A heartbeat refused, with the HTTP status it is answered with and a reason people can act on. */
public final class HeartbeatRejected extends RuntimeException {

    /** Why, as counted in the metrics; a small fixed set so that it can be a label. */
    public enum Kind {
        UNAUTHORIZED(401), MALFORMED(400), CLOCK_SKEW(400), TOO_LARGE(413), OVERLOADED(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;

    public HeartbeatRejected(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
