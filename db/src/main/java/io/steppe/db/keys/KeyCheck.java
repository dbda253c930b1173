package io.steppe.db.keys;

import static io.steppe.db.schema.Tables.KEY_CHECK;

import org.jooq.DSLContext;

/**
 * Keeps every node on one database to one set of keys. Each node has its own {@code $STEPPE_HOME/keys}; a node
 * started with keys of its own would seal gateway secrets no other node can open and hash voucher codes no other
 * node finds, and could open nothing the others sealed. The first node to start records its keys' check value;
 * every node after it must have the same.
 */
public final class KeyCheck {

    private KeyCheck() {
    }

    /** @throws IllegalStateException naming the remedy when {@code keys} are not the database's */
    public static void verify(DSLContext dsl, SecretKeys keys) {
        dsl.insertInto(KEY_CHECK).set(KEY_CHECK.ID, 1).set(KEY_CHECK.VALUE, keys.check()).onConflictDoNothing().execute();
        String recorded = dsl.select(KEY_CHECK.VALUE).from(KEY_CHECK).where(KEY_CHECK.ID.eq(1)).fetchOne(KEY_CHECK.VALUE);
        if (!keys.check().equals(recorded)) {
            throw new IllegalStateException("the keys in $STEPPE_HOME/keys are not the ones this database's secrets are sealed with;"
                    + " every node on one database needs the same keys: copy the keys directory from a node already running");
        }
    }
}
