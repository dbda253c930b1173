package io.steppe.ops;

/** Input a person gave is wrong; the message is the one line they see, naming the problem. */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
