package io.steppe.web.account;

import static io.steppe.db.schema.Tables.CONSOLE_LOGIN_FAILURE;

import io.steppe.db.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Throttles console logins per account and per client address, with its state in PostgreSQL so that every node
 * sharing the database counts the same failures. {@link ThrottlePolicy} decides; this class reads and writes.
 */
public final class LoginThrottle {

    private final DSLContext dsl;
    private final Clock clock;
    private final ThrottlePolicy policy;

    public LoginThrottle(DSLContext dsl, Clock clock, ThrottlePolicy policy) {
        this.dsl = dsl;
        this.clock = clock;
        this.policy = policy;
    }

    /** How long a login as {@code attempt} must wait; empty when its password may be checked now. */
    public Optional<Duration> delay(LoginAttempt attempt) {
        Instant now = clock.instant();
        OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(policy.memory()), ZoneOffset.UTC);
        Optional<Duration> byAccount = policy.delay(failures(CONSOLE_LOGIN_FAILURE.USERNAME.eq(attempt.username()), since), now);
        Optional<Duration> byAddress = policy.delay(failures(CONSOLE_LOGIN_FAILURE.ADDRESS.eq(attempt.address()), since), now);
        return byAccount.map(a -> byAddress.filter(b -> b.compareTo(a) > 0).orElse(a)).or(() -> byAddress);
    }

    private List<Instant> failures(org.jooq.Condition who, OffsetDateTime since) {
        return dsl.select(CONSOLE_LOGIN_FAILURE.AT).from(CONSOLE_LOGIN_FAILURE)
                .where(who).and(CONSOLE_LOGIN_FAILURE.AT.gt(since))
                .fetch(r -> r.value1().toInstant());
    }

    /** Counts a wrong user name or password and audits it (never the password), forgetting failures past the memory. */
    public void failed(LoginAttempt attempt, String reason) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(CONSOLE_LOGIN_FAILURE).where(CONSOLE_LOGIN_FAILURE.AT.lt(now.minus(policy.memory()))).execute();
            tx.dsl().insertInto(CONSOLE_LOGIN_FAILURE)
                    .set(CONSOLE_LOGIN_FAILURE.AT, now)
                    .set(CONSOLE_LOGIN_FAILURE.USERNAME, attempt.username())
                    .set(CONSOLE_LOGIN_FAILURE.ADDRESS, attempt.address())
                    .execute();
            AuditLog.record(tx.dsl(), attempt.actor(), "session.refused", attempt.username(),
                    Map.of("address", attempt.address(), "reason", reason));
        });
    }

    /**
     * A right password: the account's failures are forgotten (its owner is back), the address's are not, so that
     * a guesser who holds one account of their own cannot reset the count of the address they guess from.
     */
    public void succeeded(LoginAttempt attempt) {
        dsl.deleteFrom(CONSOLE_LOGIN_FAILURE).where(CONSOLE_LOGIN_FAILURE.USERNAME.eq(attempt.username())).execute();
    }
}
