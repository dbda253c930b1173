package io.steppe.portal.uam;

import static io.steppe.db.schema.Tables.UAM_CHALLENGE;

import io.steppe.portal.login.Sweep;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * The challenges the portal has answered with a /logon URL, per gateway, in the database so that every node sees
 * them: a challenge is answered once. A gateway draws a fresh random challenge for every redirect, so a repeat
 * is a replayed or forged link, and answering it twice would mask two credentials with one key. Kept for
 * {@link #REMEMBERED}: a credential lives two minutes, so a repeat a day later masks nothing that still works.
 */
public final class AnsweredChallenges {

    static final Duration REMEMBERED = Duration.ofDays(1);

    private final DSLContext dsl;
    private final Clock clock;
    private final Sweep old = new Sweep(Duration.ofMinutes(1));

    public AnsweredChallenges(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Whether {@code challenge} of {@code gateway} was answered already. */
    public boolean answered(String gateway, byte[] challenge) {
        return dsl.fetchExists(UAM_CHALLENGE, UAM_CHALLENGE.GATEWAY.eq(gateway).and(UAM_CHALLENGE.CHALLENGE.eq(challenge))
                .and(UAM_CHALLENGE.ANSWERED_AT.gt(now().minus(REMEMBERED))));
    }

    /** Marks {@code challenge} answered; false when it already was (by this node or another), and then it must not be. */
    public boolean answer(String gateway, byte[] challenge) {
        OffsetDateTime now = now();
        return dsl.transactionResult(tx -> {
            old.deleteIfDue(tx.dsl(), now.toInstant(), UAM_CHALLENGE, UAM_CHALLENGE.ANSWERED_AT,
                    UAM_CHALLENGE.ANSWERED_AT.lt(now.minus(REMEMBERED)));
            return tx.dsl().insertInto(UAM_CHALLENGE).set(UAM_CHALLENGE.GATEWAY, gateway).set(UAM_CHALLENGE.CHALLENGE, challenge)
                    .set(UAM_CHALLENGE.ANSWERED_AT, now)
                    .onConflict(UAM_CHALLENGE.GATEWAY, UAM_CHALLENGE.CHALLENGE)
                    .doUpdate().set(UAM_CHALLENGE.ANSWERED_AT, now).where(UAM_CHALLENGE.ANSWERED_AT.lt(now.minus(REMEMBERED)))
                    .execute() == 1;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
