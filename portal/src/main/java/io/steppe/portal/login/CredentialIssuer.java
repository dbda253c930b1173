package io.steppe.portal.login;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;

import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Issues the credential the browser carries to the gateway's {@code /logon} after a login on the portal.
 * The RADIUS server accepts it once, from the same client MAC, within {@link #LIFETIME}: a URL that leaks
 * (history, a proxy log) is worth nothing. Its password is derived from the user name with a key kept outside
 * the database ({@link SecretKeys#credentialPassword}), so the database holds none.
 */
public final class CredentialIssuer {

    public static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final DSLContext dsl;
    private final SecretKeys keys;
    private final Clock clock;
    private final SecureRandom random;
    /** Credentials expired for an hour are swept by one login a second, not by every login: a statement fewer on nearly all. */
    private final Sweep expired = new Sweep(Duration.ofSeconds(1));

    public CredentialIssuer(DSLContext dsl, SecretKeys keys, Clock clock, SecureRandom random) {
        this.dsl = dsl;
        this.keys = keys;
        this.clock = clock;
        this.random = random;
    }

    public LoginCredential issue(long subscriberId, MacAddress clientMac) {
        return issue(dsl, subscriberId, clientMac);
    }

    /** Issues within the caller's transaction {@code tx}, so that a login commits once (or, outside one, as it goes). */
    public LoginCredential issue(DSLContext tx, long subscriberId, MacAddress clientMac) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String username = "p-" + random(10);
        LoginCredential credential = new LoginCredential(username, keys.credentialPassword(username));
        expired.deleteIfDue(tx, now.toInstant(), LOGIN_CREDENTIAL, LOGIN_CREDENTIAL.USERNAME,
                LOGIN_CREDENTIAL.EXPIRES_AT.lt(now.minusHours(1)));
        tx.insertInto(LOGIN_CREDENTIAL)
                .set(LOGIN_CREDENTIAL.USERNAME, credential.username())
                .set(LOGIN_CREDENTIAL.SUBSCRIBER_ID, subscriberId)
                .set(LOGIN_CREDENTIAL.CLIENT_MAC, clientMac.toString())
                .set(LOGIN_CREDENTIAL.EXPIRES_AT, now.plus(LIFETIME))
                .execute();
        return credential;
    }

    private String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }
}
