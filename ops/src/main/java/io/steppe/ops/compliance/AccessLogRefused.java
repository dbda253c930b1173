package io.steppe.ops.compliance;

/** An access-log request that cannot be answered as asked; the message names the problem in one line. */
public final class AccessLogRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessLogRefused(String message) {
        super(message, null, false, false);
    }
}
