package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_BATCH;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import io.steppe.db.AuditLog;
import io.steppe.db.keys.SecretKeys;
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
 * A code is printed once; the database keeps only its keyed hash ({@link SecretKeys#voucherHash}).
 */
public final class VoucherIssuer {

    static final String ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679";
    static final int CODE_LENGTH = 10;
    public static final int MAX_COUNT = 10_000;
    public static final int MAX_MINUTES = 525_600;
    public static final int MAX_VALID_DAYS = 3660;
    public static final int MAX_DEVICES = 100;

    private final DSLContext dsl;
    private final SecretKeys keys;
    private final Clock clock;
    private final SecureRandom random;

    public VoucherIssuer(DSLContext dsl, SecretKeys keys, Clock clock, SecureRandom random) {
        this.dsl = dsl;
        this.keys = keys;
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
     * A code as it is hashed: as printed, whatever the case it was typed in and the spaces or dashes a user types to
     * keep their place in it.
     */
    static String normalised(String typed) {
        StringBuilder code = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c != '-' && !Character.isWhitespace(c)) {
                code.append(Character.toUpperCase(c));
            }
        }
        return code.toString();
    }

    /** The keyed hash a voucher is stored under, of a code as typed. */
    static String codeHash(SecretKeys keys, String typed) {
        return keys.voucherHash(normalised(typed));
    }

    /**
     * Creates {@code count} vouchers of {@code minutes} each, valid for {@code validFor}, usable on up to
     * {@code devices} devices; returns their codes.
     */
    public List<String> issue(int count, int minutes, Duration validFor, int devices, String actor) {
        return issue(java.util.Optional.empty(), count, minutes, validFor, devices, actor);
    }

    /**
     * Creates a batch {@code batch} of vouchers, as {@link #issue} does, printed on one sheet and revocable together.
     *
     * @throws BatchAlreadyIssued when a batch of that id exists: the same form was sent twice
     */
    public List<String> issueBatch(java.util.UUID batch, int count, int minutes, Duration validFor, int devices, String actor) {
        return issue(java.util.Optional.of(batch), count, minutes, validFor, devices, actor);
    }

    private List<String> issue(java.util.Optional<java.util.UUID> batch, int count, int minutes, Duration validFor, int devices,
                               String actor) {
        if (count < 1 || count > MAX_COUNT) {
            throw new VoucherTermRefused(VoucherTermRefused.Term.COUNT, MAX_COUNT, "count must be 1.." + MAX_COUNT + ", was " + count);
        }
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new VoucherTermRefused(VoucherTermRefused.Term.MINUTES, MAX_MINUTES, "minutes must be 1..525600 (a year), was " + minutes);
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.toDays() > MAX_VALID_DAYS) {
            throw new VoucherTermRefused(VoucherTermRefused.Term.VALID_DAYS, MAX_VALID_DAYS, "validity must be 1 to 3660 days");
        }
        if (devices < 1 || devices > MAX_DEVICES) {
            throw new VoucherTermRefused(VoucherTermRefused.Term.DEVICES, MAX_DEVICES, "devices must be 1..100, was " + devices);
        }
        OffsetDateTime validUntil = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plus(validFor);
        return dsl.transactionResult(tx -> {
            if (batch.isPresent() && tx.dsl().insertInto(VOUCHER_BATCH, VOUCHER_BATCH.ID, VOUCHER_BATCH.CREATED_BY)
                    .values(batch.get(), actor).onConflictDoNothing().execute() == 0) {
                throw new BatchAlreadyIssued(batch.get());
            }
            java.util.ArrayDeque<Long> free = new java.util.ArrayDeque<>(tx.dsl().insertInto(SUBSCRIBER, SUBSCRIBER.KIND)
                    .select(select(inline("voucher")).from(generateSeries(1, count)))
                    .returning(SUBSCRIBER.ID).fetch(SUBSCRIBER.ID));
            List<String> codes = new ArrayList<>(count);
            while (!free.isEmpty()) {
                Map<String, Long> candidates = new java.util.LinkedHashMap<>();
                Map<String, String> codeOfHash = new java.util.HashMap<>();
                var insert = tx.dsl().insertInto(VOUCHER, VOUCHER.CODE_HASH, VOUCHER.SUBSCRIBER_ID, VOUCHER.MINUTES,
                        VOUCHER.MAX_DEVICES, VOUCHER.VALID_UNTIL, VOUCHER.BATCH_ID, VOUCHER.CODE_START);
                while (!free.isEmpty()) {
                    String code = newCode();
                    String hash = keys.voucherHash(code);
                    if (!candidates.containsKey(hash)) {
                        long subscriber = free.pop();
                        candidates.put(hash, subscriber);
                        codeOfHash.put(hash, code);
                        insert = insert.values(hash, subscriber, minutes, devices, validUntil, batch.orElse(null), code.substring(0, 2));
                    }
                }
                List<String> inserted = insert.onConflictDoNothing().returning(VOUCHER.CODE_HASH).fetch(VOUCHER.CODE_HASH);
                inserted.forEach(hash -> codes.add(codeOfHash.get(hash)));
                // A code someone already holds is drawn again, for the same subscriber.
                inserted.forEach(candidates::remove);
                free.addAll(candidates.values());
            }
            Map<String, Object> details = new java.util.HashMap<>(Map.of("minutes", minutes, "valid_until", validUntil.toString(),
                    "devices", devices));
            batch.ifPresent(b -> details.put("batch", b.toString()));
            AuditLog.record(tx.dsl(), actor, "voucher.create", count + " vouchers", details);
            return codes;
        });
    }

    /**
     * Replaces codes stored in clear (by a version before codes were hashed) with their keyed hashes; returns
     * how many. Run at start, so a database carries no usable code after its first upgraded start.
     */
    public int hashClearCodes() {
        return dsl.transactionResult(tx -> {
            List<String> clear = tx.dsl().select(VOUCHER.CODE_HASH).from(VOUCHER)
                    .where(VOUCHER.CODE_HASH.likeRegex("^[A-Z0-9]{6,32}$")).forUpdate().fetch(VOUCHER.CODE_HASH);
            for (String code : clear) {
                // voucher_device follows by ON UPDATE CASCADE
                tx.dsl().update(VOUCHER).set(VOUCHER.CODE_HASH, keys.voucherHash(code)).where(VOUCHER.CODE_HASH.eq(code)).execute();
            }
            if (!clear.isEmpty()) {
                AuditLog.record(tx.dsl(), "steppe", "voucher.hash_codes", clear.size() + " vouchers", Map.of());
            }
            return clear.size();
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
