package io.steppe.radius.auth;

/** A voucher term out of its range: which one, and its largest allowed value (the smallest is always 1). */
public final class VoucherTermRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The terms a voucher is issued with. */
    public enum Term { COUNT, MINUTES, VALID_DAYS, DEVICES }

    private final Term term;
    private final int max;

    VoucherTermRefused(Term term, int max, String message) {
        super(message);
        this.term = term;
        this.max = max;
    }

    public Term term() {
        return term;
    }

    public int max() {
        return max;
    }
}
