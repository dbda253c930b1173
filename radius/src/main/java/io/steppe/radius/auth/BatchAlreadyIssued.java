package io.steppe.radius.auth;

import java.util.UUID;

/** A batch of vouchers asked for again under an id already issued: the same form sent twice, whose codes were shown once. */
public final class BatchAlreadyIssued extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BatchAlreadyIssued(UUID batch) {
        super("voucher batch " + batch + " was already issued; its codes were shown once", null, false, false);
    }
}
