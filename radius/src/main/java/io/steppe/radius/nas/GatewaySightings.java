package io.steppe.radius.nas;

import static io.steppe.db.schema.Tables.NAS;
import static io.steppe.db.schema.Tables.NAS_HEARD;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * When each gateway last had a request answered. Noted in memory on every answer (a map write, nothing more on the
 * request's path) and written to {@code nas_heard} by {@link #flush()} every few seconds, where every node's sightings
 * meet: the latest time wins, whichever node heard it.
 */
public final class GatewaySightings {

    private final DSLContext dsl;
    private final Clock clock;
    private final Map<Long, Long> heard = new ConcurrentHashMap<>();

    public GatewaySightings(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Gateway {@code nasId} had a request answered now. */
    public void heard(long nasId) {
        heard.put(nasId, clock.millis());
    }

    /** Writes what was heard since the last flush; a failure keeps it for the next one. */
    public void flush() {
        if (heard.isEmpty()) {
            return;
        }
        Map<Long, Long> taken = new java.util.HashMap<>();
        for (Long id : List.copyOf(heard.keySet())) {
            Long at = heard.remove(id);
            if (at != null) {
                taken.put(id, at);
            }
        }
        List<Query> upserts = new ArrayList<>(taken.size());
        taken.forEach((id, at) -> {
            OffsetDateTime when = OffsetDateTime.ofInstant(Instant.ofEpochMilli(at), ZoneOffset.UTC);
            // through nas, so that a gateway removed since it was heard is left out rather than failing the batch
            upserts.add(dsl.insertInto(NAS_HEARD, NAS_HEARD.NAS_ID, NAS_HEARD.LAST_REQUEST_AT)
                    .select(DSL.select(NAS.ID, DSL.val(when)).from(NAS).where(NAS.ID.eq(id)))
                    .onConflict(NAS_HEARD.NAS_ID).doUpdate()
                    .set(NAS_HEARD.LAST_REQUEST_AT, DSL.greatest(NAS_HEARD.LAST_REQUEST_AT, DSL.excluded(NAS_HEARD.LAST_REQUEST_AT))));
        });
        try {
            dsl.batch(upserts).execute();
        } catch (RuntimeException e) {
            // the database is away: keep what was heard for the next flush, the latest time winning
            taken.forEach((id, at) -> heard.merge(id, at, Math::max));
            throw e;
        }
    }
}
