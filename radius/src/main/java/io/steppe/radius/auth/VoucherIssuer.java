package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static io.steppe.db.schema.Tables.VOUCHER;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import io.steppe.db.AuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Issues vouchers for tourist desks and hotels. Codes are 10 characters from an alphabet without look-alikes
 * (no 0/O, 1/I, 2/Z, 5/S, 8/B): easy to read aloud and type on a phone, and never mistaken for a MAC address.
 */
public final class VoucherIssuer {

    static final String ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679";
    static final int CODE_LENGTH = 10;
    public static final int MAX_COUNT = 10_000;

    private final DSLContext dsl;
    private final Clock clock;
    private final SecureRandom random;

    public VoucherIssuer(DSLContext dsl, Clock clock, SecureRandom random) {
        this.dsl = dsl;
        this.clock = clock;
        this.random = random;
    }

    /** Whether {@code name} could be a voucher code (as typed: case does not matter). */
    public static boolean looksLikeCode(String name) {
        if (name == null || name.length() != CODE_LENGTH) {
            return false;
        }
        for (char c : name.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates {@code count} vouchers of {@code minutes} each, valid for {@code validFor}, usable on up to
     * {@code devices} devices; returns their codes.
     */
    public List<String> issue(int count, int minutes, Duration validFor, int devices, String actor) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ", was " + count);
        }
        if (minutes < 1 || minutes > 525_600) {
            throw new IllegalArgumentException("minutes must be 1..525600 (a year), was " + minutes);
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.toDays() > 3660) {
            throw new IllegalArgumentException("validity must be 1 to 3660 days");
        }
        if (devices < 1 || devices > 100) {
            throw new IllegalArgumentException("devices must be 1..100, was " + devices);
        }
        OffsetDateTime validUntil = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plus(validFor);
        return dsl.transactionResult(tx -> {
            java.util.ArrayDeque<Long> free = new java.util.ArrayDeque<>(tx.dsl().insertInto(SUBSCRIBER, SUBSCRIBER.KIND)
                    .select(select(inline("voucher")).from(generateSeries(1, count)))
                    .returning(SUBSCRIBER.ID).fetch(SUBSCRIBER.ID));
            List<String> codes = new ArrayList<>(count);
            while (!free.isEmpty()) {
                Map<String, Long> candidates = new java.util.LinkedHashMap<>();
                var insert = tx.dsl().insertInto(VOUCHER, VOUCHER.CODE, VOUCHER.SUBSCRIBER_ID, VOUCHER.MINUTES,
                        VOUCHER.MAX_DEVICES, VOUCHER.VALID_UNTIL);
                while (!free.isEmpty()) {
                    String code = newCode();
                    if (!candidates.containsKey(code)) {
                        long subscriber = free.pop();
                        candidates.put(code, subscriber);
                        insert = insert.values(code, subscriber, minutes, devices, validUntil);
                    }
                }
                List<String> inserted = insert.onConflictDoNothing().returning(VOUCHER.CODE).fetch(VOUCHER.CODE);
                codes.addAll(inserted);
                // A code someone already holds is drawn again, for the same subscriber.
                inserted.forEach(candidates::remove);
                free.addAll(candidates.values());
            }
            AuditLog.record(tx.dsl(), actor, "voucher.create", count + " vouchers",
                    Map.of("minutes", minutes, "valid_until", validUntil.toString(), "devices", devices));
            return codes;
        });
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
