package io.steppe.web.account;

import static io.steppe.db.schema.Tables.CONSOLE_ACCOUNT;
import static io.steppe.db.schema.Tables.CONSOLE_SESSION;

import io.steppe.db.AuditLog;
import io.steppe.web.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Login sessions of console accounts. A session is a random 256-bit token given to the client once (as a
 * bearer token or a cookie); the database keeps only its SHA-256, with an expiry.
 */
public final class ConsoleSessions {

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;

    public ConsoleSessions(DSLContext dsl, Clock clock, Duration lifetime, SecureRandom random) {
        this.dsl = dsl;
        this.clock = clock;
        this.lifetime = lifetime;
        this.random = random;
    }

    /** Opens a session for an account that has just proved its password; returns the token. */
    public String open(Account account) {
        String token = Tokens.newToken(random);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(CONSOLE_SESSION).where(CONSOLE_SESSION.EXPIRES_AT.lt(now)).execute();
            tx.dsl().insertInto(CONSOLE_SESSION)
                    .set(CONSOLE_SESSION.TOKEN_HASH, Tokens.hash(token))
                    .set(CONSOLE_SESSION.ACCOUNT_ID, account.id())
                    .set(CONSOLE_SESSION.CREATED_AT, now)
                    .set(CONSOLE_SESSION.EXPIRES_AT, now.plus(lifetime))
                    .execute();
            AuditLog.record(tx.dsl(), account.username(), "session.open", account.username(), Map.of());
        });
        return token;
    }

    /** The account a live session token belongs to. */
    public Optional<Account> account(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return dsl.select(CONSOLE_ACCOUNT.ID, CONSOLE_ACCOUNT.USERNAME, CONSOLE_ACCOUNT.ROLE, CONSOLE_ACCOUNT.CREATED_AT)
                .from(CONSOLE_SESSION).join(CONSOLE_ACCOUNT).on(CONSOLE_ACCOUNT.ID.eq(CONSOLE_SESSION.ACCOUNT_ID))
                .where(CONSOLE_SESSION.TOKEN_HASH.eq(Tokens.hash(token)))
                .and(CONSOLE_SESSION.EXPIRES_AT.gt(now))
                .fetchOptional(r -> new Account(r.value1(), r.value2(), Role.parse(r.value3().getLiteral()), r.value4().toInstant()));
    }

    /** Ends a session; a token that is unknown or expired is ignored. */
    public void close(String token) {
        if (token != null) {
            dsl.deleteFrom(CONSOLE_SESSION).where(CONSOLE_SESSION.TOKEN_HASH.eq(Tokens.hash(token))).execute();
        }
    }

    public Duration lifetime() {
        return lifetime;
    }
}
