package io.steppe.coverage.gap;

/**
 * A planner's decision on a gap that cannot be saved, and why. It is an {@link IllegalArgumentException}, as the
 * other refusals of what a caller sent, so the API answers it 400 with its message; the console names the
 * {@link Refusal} in the reader's language.
 */
public final class DecisionRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a decision is refused. */
    public enum Refusal {
        DISMISS_WITHOUT_NOTE("dismissing a gap needs a note saying why"),
        NOTE_TOO_LONG("note is longer than " + GapRegions.NOTE_LIMIT + " characters");

        final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    private final Refusal reason;

    DecisionRefused(Refusal reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Refusal reason() {
        return reason;
    }
}
