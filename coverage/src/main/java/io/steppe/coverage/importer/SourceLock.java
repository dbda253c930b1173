package io.steppe.coverage.importer;

import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A PostgreSQL session advisory lock per import source, held while an import runs: the samples table has no
 * unique key (random inserts into one cost more than the COPY), so two imports of one source must not both
 * check the stored fingerprints and then both store the same row. Imports of other sources run side by side.
 */
final class SourceLock implements AutoCloseable {

    /** The upper half of the lock key, so that other advisory locks of the application cannot collide. */
    private static final long NAMESPACE = 0x636F7600L; // "cov\0"

    private final DSLContext session;
    private final long key;

    private SourceLock(DSLContext session, long key) {
        this.session = session;
        this.key = key;
    }

    /** Waits for another import of {@code source} to finish, then holds the lock on {@code connection}. */
    static SourceLock take(Connection connection, String source) {
        DSLContext session = DSL.using(connection, SQLDialect.POSTGRES);
        long key = (NAMESPACE << 32) | (source.hashCode() & 0xFFFF_FFFFL);
        session.select(DSL.function("pg_advisory_lock", SQLDataType.OTHER, DSL.val(key))).fetch();
        return new SourceLock(session, key);
    }

    /** Released explicitly: the connection goes back to the pool, where a session lock would outlive the import. */
    @Override
    public void close() {
        session.select(DSL.function("pg_advisory_unlock", SQLDataType.BOOLEAN, DSL.val(key))).fetch();
    }
}
