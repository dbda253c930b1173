package io.steppe.portal.sms;

import static io.steppe.db.schema.Tables.PHONE_IDENTITY;
import static io.steppe.db.schema.Tables.SMS_CODE;
import static io.steppe.db.schema.Tables.SMS_QUOTA;
import static io.steppe.db.schema.Tables.SUBSCRIBER;

import io.steppe.db.commit.LazyCommit;
import io.steppe.db.net.MacAddress;
import io.steppe.db.schema.tables.records.SmsCodeRecord;
import io.steppe.portal.login.CredentialIssuer;
import io.steppe.portal.login.LoginCredential;
import io.steppe.portal.login.Sweep;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.postgres.extensions.types.Inet;

/**
 * Login by a one-time code sent to a mobile number: 6 digits, valid 5 minutes, locked after 5 wrong tries.
 * Sending is limited per number (1 a minute, 5 an hour), per device and per client address (1 a minute, 10 an hour
 * each, see {@link SendLimits}), per gateway ({@link SmsLimits#gatewayPerMinute()}) and in all per hour
 * ({@link SmsLimits#hourlyBudget()}, whose exhaustion raises the {@link SmsBudgetAlarm}), every one counted in the
 * database, so that neither a client changing the MAC it claims nor a second node resets any of them. A code sent is
 * a record of who asked for access, from which device and gateway, and when: it is kept for the retention window
 * and dropped with its month ({@link io.steppe.db.retention.PartitionMaintenance}).
 */
public final class SmsLogin {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    /** What a request for a code came to; anything but SENT names a message key. */
    public enum Sending { SENT, TOO_SOON, NUMBER_HOURLY_LIMIT, DEVICE_LIMIT, GATEWAY_LIMIT, BUSY, NOT_SENT }

    /** What checking a code came to. */
    public sealed interface Checked {
        record LoggedIn(long subscriberId, LoginCredential credential) implements Checked {
        }

        record Refused(Reason reason) implements Checked {
        }

        enum Reason { WRONG_CODE, LOCKED, EXPIRED }
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final SecureRandom random;
    private final PhoneVault vault;
    private final SmsSender sender;
    private final SmsLimits limits;
    private final SmsBudgetAlarm alarm;
    private final CredentialIssuer credentials;
    private final Sweep oldWindows = new Sweep(Duration.ofMinutes(1));

    public SmsLogin(DSLContext dsl, Clock clock, SecureRandom random, PhoneVault vault, CredentialIssuer credentials, SmsSender sender) {
        this(dsl, clock, random, vault, credentials, sender, SmsLimits.DEFAULTS, SmsBudgetAlarm.NONE);
    }

    public SmsLogin(DSLContext dsl, Clock clock, SecureRandom random, PhoneVault vault, CredentialIssuer credentials, SmsSender sender,
                    SmsLimits limits, SmsBudgetAlarm alarm) {
        this.limits = limits;
        this.alarm = alarm;
        this.credentials = credentials;
        this.dsl = dsl;
        this.clock = clock;
        this.random = random;
        this.vault = vault;
        this.sender = sender;
    }

    /**
     * Sends a code to {@code phone} for {@code device} behind {@code gateway}, unless a limit says no.
     *
     * @param clientAddress the client's address as the portal saw it (the TCP peer); empty when that was the gateway
     *                      itself (it NATs its clients), whose own limit then holds
     */
    public Sending requestCode(PhoneNumber phone, MacAddress device, String gateway, Optional<InetAddress> clientAddress,
                               String messageText) {
        OffsetDateTime now = now();
        byte[] phoneKey = vault.fingerprint(phone.e164());
        String mac = device.toString();
        Optional<Inet> address = clientAddress.map(Inet::valueOf);
        String code = String.format("%06d", random.nextInt(1_000_000));
        Windows windows = new Windows(gateway, now);
        Reserved reserved = dsl.transactionResult(tx -> {
            Optional<Sending> refusal = SendLimits.refusal(tx.dsl(), phoneKey, mac, address, now);
            if (refusal.isPresent()) {
                return Reserved.refused(refusal.get());
            }
            if (SmsQuota.take(tx.dsl(), windows.gatewayScope(), windows.minute(), limits.gatewayPerMinute()).isEmpty()) {
                return Reserved.refused(Sending.GATEWAY_LIMIT);
            }
            OptionalInt budget = SmsQuota.take(tx.dsl(), SmsQuota.ALL, windows.hour(), limits.hourlyBudget());
            if (budget.isEmpty()) {
                SmsQuota.giveBack(tx.dsl(), windows.gatewayScope(), windows.minute());
                return Reserved.refused(Sending.BUSY);
            }
            // A crash may lose the last fraction of a second of codes stored: a user asks for a new one, an abuser
            // gains at most that fraction's codes.
            LazyCommit.forThisTransaction(tx.dsl());
            oldWindows.deleteIfDue(tx.dsl(), now.toInstant(), SMS_QUOTA, SMS_QUOTA.WINDOW_START,
                    SMS_QUOTA.WINDOW_START.lt(now.minusHours(2)));
            long id = tx.dsl().insertInto(SMS_CODE)
                    .set(SMS_CODE.PHONE_HMAC, phoneKey)
                    .set(SMS_CODE.CODE_HMAC, vault.fingerprint(phone.e164() + "/" + code))
                    .set(SMS_CODE.CLIENT_MAC, mac)
                    .set(SMS_CODE.CLIENT_IP, address.orElse(null))
                    .set(SMS_CODE.GATEWAY, gateway)
                    .set(SMS_CODE.CREATED_AT, now)
                    .set(SMS_CODE.EXPIRES_AT, now.plus(CODE_LIFETIME))
                    .returning(SMS_CODE.ID).fetchOne().getId();
            return new Reserved(Sending.SENT, id, budget.getAsInt() == limits.hourlyBudget());
        });
        if (reserved.sending() != Sending.SENT) {
            return reserved.sending();
        }
        if (reserved.lastOfBudget()) {
            alarm.exhausted(limits.hourlyBudget(), windows.hour().toInstant());
        }
        try {
            sender.send(phone, messageText.replace("{code}", code));
            return Sending.SENT;
        } catch (SmsSender.SmsNotSent e) {
            // Not sent, so not counted against the limits either.
            dsl.transaction(tx -> {
                tx.dsl().deleteFrom(SMS_CODE).where(SMS_CODE.ID.eq(reserved.codeId())).execute();
                SmsQuota.giveBack(tx.dsl(), windows.gatewayScope(), windows.minute());
                SmsQuota.giveBack(tx.dsl(), SmsQuota.ALL, windows.hour());
            });
            return Sending.NOT_SENT;
        }
    }

    /** A code stored, or why not; {@code lastOfBudget} when it took the hour's last. */
    private record Reserved(Sending sending, long codeId, boolean lastOfBudget) {
        static Reserved refused(Sending why) {
            return new Reserved(why, 0, false);
        }
    }

    /** The quota windows a request at {@code now} counts in: the gateway's minute and everyone's hour. */
    private record Windows(String gatewayScope, OffsetDateTime minute, OffsetDateTime hour) {
        Windows(String gateway, OffsetDateTime now) {
            this(SmsQuota.gateway(gateway), now.truncatedTo(ChronoUnit.MINUTES), now.truncatedTo(ChronoUnit.HOURS));
        }
    }

    /**
     * Checks the code typed on {@code device}; a right one logs in, finding or creating the number's subscriber,
     * and issues the one-time credential for the gateway's /logon in the same transaction (one commit per login).
     */
    public Checked check(PhoneNumber phone, String typed, MacAddress device, String language) {
        OffsetDateTime now = now();
        byte[] phoneKey = vault.fingerprint(phone.e164());
        return dsl.transactionResult(tx -> {
            // The number's subscriber comes with the code, one round trip fewer on every login.
            Optional<Record> latest = tx.dsl().select(SMS_CODE.fields()).select(PHONE_IDENTITY.SUBSCRIBER_ID)
                    .from(SMS_CODE).leftJoin(PHONE_IDENTITY).on(PHONE_IDENTITY.PHONE_HMAC.eq(SMS_CODE.PHONE_HMAC))
                    .where(SMS_CODE.PHONE_HMAC.eq(phoneKey)).and(SMS_CODE.CLIENT_MAC.eq(device.toString()))
                    .and(SMS_CODE.USED_AT.isNull())
                    .orderBy(SMS_CODE.CREATED_AT.desc()).limit(1).forUpdate().of(SMS_CODE).fetchOptional();
            if (latest.isEmpty() || !latest.get().get(SMS_CODE.EXPIRES_AT).isAfter(now)) {
                return new Checked.Refused(Checked.Reason.EXPIRED);
            }
            SmsCodeRecord code = latest.get().into(SMS_CODE);
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
            Optional<Long> known = Optional.ofNullable(latest.get().get(PHONE_IDENTITY.SUBSCRIBER_ID));
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
            return new Checked.LoggedIn(subscriber, credentials.issue(tx.dsl(), subscriber, device));
        });
    }

    /**
     * How long {@code device} (at {@code clientAddress}, as in {@link #requestCode}) must wait before a code to
     * {@code phone} could be sent again by the per-number, per-device and per-address limits; zero when it could now.
     */
    public Duration waitBeforeNext(PhoneNumber phone, MacAddress device, Optional<InetAddress> clientAddress) {
        return SendLimits.wait(dsl, vault.fingerprint(phone.e164()), device.toString(), clientAddress.map(Inet::valueOf), now());
    }

    /** Codes taken from this hour's budget so far, by every node; the budget itself is {@link SmsLimits#hourlyBudget()}. */
    public int budgetTakenThisHour() {
        return SmsQuota.taken(dsl, SmsQuota.ALL, now().truncatedTo(ChronoUnit.HOURS));
    }

    /** The limits this login enforces. */
    public SmsLimits limits() {
        return limits;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
