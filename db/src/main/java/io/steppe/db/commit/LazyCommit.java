package io.steppe.db.commit;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A transaction whose commit does not wait for the disk ({@code synchronous_commit = off} for it alone): a crash
 * may lose its last few milliseconds, never leave it half done. For writes nobody has been promised, such as a
 * device remembered or a code stored before it is sent; never for what is acknowledged to a gateway.
 */
public final class LazyCommit {

    private LazyCommit() {
    }

    /** Applies to the transaction {@code tx} is in, from now until it ends. */
    public static void forThisTransaction(DSLContext tx) {
        tx.setLocal(DSL.name("synchronous_commit"), DSL.inline("off")).execute();
    }
}
