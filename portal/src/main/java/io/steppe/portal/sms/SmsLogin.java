package io.steppe.portal.sms;

import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static io.steppe.db.schema.Tables.SMS_CODE;
import static io.steppe.db.schema.Tables.SUBSCRIBER;

import io.steppe.db.net.MacAddress;
import io.steppe.db.schema.tables.records.SmsCodeRecord;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import static org.jooq.impl.DSL.count;

import org.jooq.DSLContext;

/**
 * Login by a one-time code sent to a mobile number: 6 digits, valid 5 minutes, locked after 5 wrong tries.
 * Sending is limited per number (1 a minute, 5 an hour), per device (1 a minute, 10 an hour) and per gateway
 * (60 a minute unless configured), so nobody can pump SMS through the portal.
 */
public final class SmsLogin {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    /** What a request for a code came to; anything but SENT names a message key. */
    public enum Sending { SENT, TOO_SOON, NUMBER_HOURLY_LIMIT, DEVICE_LIMIT, GATEWAY_LIMIT, NOT_SENT }

    /** What checking a code came to. */
    public sealed interface Checked {
        record LoggedIn(long subscriberId) implements Checked {
        }

        record Refused(Reason reason) implements Checked {
        }

        enum Reason { WRONG_CODE, LOCKED, EXPIRED }
    }

    /** Codes sent per gateway per minute by default: a busy square, not a flood. */
    public static final int DEFAULT_GATEWAY_LIMIT = 60;

    private final DSLContext dsl;
    private final Clock clock;
    private final SecureRandom random;
    private final PhoneVault vault;
    private final SmsSender sender;
    private final int gatewayLimitPerMinute;

    public SmsLogin(DSLContext dsl, Clock clock, SecureRandom random, PhoneVault vault, SmsSender sender) {
        this(dsl, clock, random, vault, sender, DEFAULT_GATEWAY_LIMIT);
    }

    /** @param gatewayLimitPerMinute codes one gateway may ask for per minute ({@code STEPPE_SMS_GATEWAY_LIMIT}) */
    public SmsLogin(DSLContext dsl, Clock clock, SecureRandom random, PhoneVault vault, SmsSender sender, int gatewayLimitPerMinute) {
        this.gatewayLimitPerMinute = gatewayLimitPerMinute;
        this.dsl = dsl;
        this.clock = clock;
        this.random = random;
        this.vault = vault;
        this.sender = sender;
    }

    public Sending requestCode(PhoneNumber phone, MacAddress device, String gateway, String messageText) {
        OffsetDateTime now = now();
        byte[] phoneKey = vault.fingerprint(phone.e164());
        String mac = device.toString();
        // Every limit in one query: this runs for each code asked for.
        var recent = dsl.select(
                        count().filterWhere(SMS_CODE.PHONE_HMAC.eq(phoneKey).and(SMS_CODE.CREATED_AT.gt(now.minusMinutes(1)))),
                        count().filterWhere(SMS_CODE.PHONE_HMAC.eq(phoneKey)),
                        count().filterWhere(SMS_CODE.CLIENT_MAC.eq(mac).and(SMS_CODE.CREATED_AT.gt(now.minusMinutes(1)))),
                        count().filterWhere(SMS_CODE.CLIENT_MAC.eq(mac)),
                        count().filterWhere(SMS_CODE.GATEWAY.eq(gateway).and(SMS_CODE.CREATED_AT.gt(now.minusMinutes(1)))))
                .from(SMS_CODE)
                .where(SMS_CODE.CREATED_AT.gt(now.minusHours(1)))
                .and(SMS_CODE.PHONE_HMAC.eq(phoneKey).or(SMS_CODE.CLIENT_MAC.eq(mac)).or(SMS_CODE.GATEWAY.eq(gateway)))
                .fetchOne();
        if (recent.value1() >= 1) {
            return Sending.TOO_SOON;
        }
        if (recent.value2() >= 5) {
            return Sending.NUMBER_HOURLY_LIMIT;
        }
        if (recent.value3() >= 1 || recent.value4() >= 10) {
            return Sending.DEVICE_LIMIT;
        }
        if (recent.value5() >= gatewayLimitPerMinute) {
            return Sending.GATEWAY_LIMIT;
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        long id = dsl.insertInto(SMS_CODE)
                .set(SMS_CODE.PHONE_HMAC, phoneKey)
                .set(SMS_CODE.CODE_HMAC, vault.fingerprint(phone.e164() + "/" + code))
                .set(SMS_CODE.CLIENT_MAC, mac)
                .set(SMS_CODE.GATEWAY, gateway)
                .set(SMS_CODE.CREATED_AT, now)
                .set(SMS_CODE.EXPIRES_AT, now.plus(CODE_LIFETIME))
                .returning(SMS_CODE.ID).fetchOne().getId();
        try {
            sender.send(phone, messageText.replace("{code}", code));
            return Sending.SENT;
        } catch (SmsSender.SmsNotSent e) {
            // Not sent, so not counted against the limits either.
            dsl.deleteFrom(SMS_CODE).where(SMS_CODE.ID.eq(id)).execute();
            return Sending.NOT_SENT;
        }
    }

    /** Checks the code typed on {@code device}; a right one logs in, finding or creating the number's subscriber. */
    public Checked check(PhoneNumber phone, String typed, MacAddress device, String language) {
        OffsetDateTime now = now();
        byte[] phoneKey = vault.fingerprint(phone.e164());
        return dsl.transactionResult(tx -> {
            Optional<SmsCodeRecord> latest = tx.dsl().selectFrom(SMS_CODE)
                    .where(SMS_CODE.PHONE_HMAC.eq(phoneKey)).and(SMS_CODE.CLIENT_MAC.eq(device.toString()))
                    .and(SMS_CODE.USED_AT.isNull())
                    .orderBy(SMS_CODE.CREATED_AT.desc()).limit(1).forUpdate().fetchOptional();
            if (latest.isEmpty() || !latest.get().getExpiresAt().isAfter(now)) {
                return new Checked.Refused(Checked.Reason.EXPIRED);
            }
            SmsCodeRecord code = latest.get();
            if (code.getAttempts() >= MAX_ATTEMPTS) {
                return new Checked.Refused(Checked.Reason.LOCKED);
            }
            String digits = typed == null ? "" : typed.replaceAll("\\s", "");
            if (!MessageDigest.isEqual(code.getCodeHmac(), vault.fingerprint(phone.e164() + "/" + digits))) {
                int attempts = code.getAttempts() + 1;
                tx.dsl().update(SMS_CODE).set(SMS_CODE.ATTEMPTS, attempts).where(SMS_CODE.ID.eq(code.getId())).execute();
                return new Checked.Refused(attempts >= MAX_ATTEMPTS ? Checked.Reason.LOCKED : Checked.Reason.WRONG_CODE);
            }
            tx.dsl().update(SMS_CODE).set(SMS_CODE.USED_AT, now).where(SMS_CODE.ID.eq(code.getId())).execute();
            Optional<Long> known = tx.dsl().select(PHONE_IDENTITY.SUBSCRIBER_ID).from(PHONE_IDENTITY)
                    .where(PHONE_IDENTITY.PHONE_HMAC.eq(phoneKey)).fetchOptional(PHONE_IDENTITY.SUBSCRIBER_ID);
            long subscriber;
            if (known.isPresent()) {
                subscriber = known.get();
                tx.dsl().update(SUBSCRIBER).set(SUBSCRIBER.LANGUAGE, language).where(SUBSCRIBER.ID.eq(subscriber)).execute();
            } else {
                subscriber = tx.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").set(SUBSCRIBER.LANGUAGE, language)
                        .returning(SUBSCRIBER.ID).fetchOne().getId();
                tx.dsl().insertInto(PHONE_IDENTITY).set(PHONE_IDENTITY.SUBSCRIBER_ID, subscriber)
                        .set(PHONE_IDENTITY.PHONE_HMAC, phoneKey).set(PHONE_IDENTITY.PHONE_CIPHERTEXT, vault.encrypt(phone)).execute();
            }
            return new Checked.LoggedIn(subscriber);
        });
    }


    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
