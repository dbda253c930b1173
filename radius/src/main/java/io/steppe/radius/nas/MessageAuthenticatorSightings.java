package io.steppe.radius.nas;

import static io.steppe.db.schema.Tables.NAS;

import java.util.Collection;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Which gateways have sent Message-Authenticator, for {@code require_message_authenticator = auto}: kept in the
 * {@code nas} table so that a restart does not forget it and every node on the database requires it once one node
 * has seen it (FreeRADIUS keeps it in memory, and forgets it on restart).
 */
public final class MessageAuthenticatorSightings {

    private final DSLContext dsl;

    public MessageAuthenticatorSightings(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The ids of the gateways that have sent one, by any node. */
    public Set<Long> load() {
        return dsl.select(NAS.ID).from(NAS).where(NAS.MESSAGE_AUTHENTICATOR_SEEN_AT.isNotNull()).fetchSet(NAS.ID);
    }

    /** Records that these gateways sent one; the first sighting's time is kept. */
    public void record(Collection<Long> nasIds) {
        if (nasIds.isEmpty()) {
            return;
        }
        dsl.update(NAS).set(NAS.MESSAGE_AUTHENTICATOR_SEEN_AT, DSL.currentOffsetDateTime())
                .where(NAS.ID.in(nasIds)).and(NAS.MESSAGE_AUTHENTICATOR_SEEN_AT.isNull())
                .execute();
    }
}
