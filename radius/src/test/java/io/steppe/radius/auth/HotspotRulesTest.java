package io.steppe.radius.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.db.net.MacAddress;
import io.steppe.radius.packet.AccessAttempt;
import io.steppe.radius.packet.AuthDecision;
import io.steppe.radius.packet.Credential;
import io.steppe.radius.packet.RejectReason;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link HotspotRules}, a row each: an attempt and what the snapshot holds, and the ruling expected (empty
 * where a snapshot from memory lacks what the rule needs and the database must be asked). Defaults: 120 minutes and
 * 1 GiB a day, 3 devices online, devices remembered for 7 days and remembered afresh at most hourly.
 */
class HotspotRulesTest {

    static final AccessPolicyConfig CONFIG = AccessPolicyConfig.defaults();
    static final HotspotRules RULES = new HotspotRules(CONFIG);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-26T02:00:00Z");
    static final long GATEWAY = 1;
    static final MacAddress PHONE = MacAddress.parse("aa:bb:cc:00:00:01");
    static final MacAddress TABLET = MacAddress.parse("aa:bb:cc:00:00:02");
    static final MacAddress OTHER_1 = MacAddress.parse("aa:bb:cc:00:01:01");
    static final MacAddress OTHER_2 = MacAddress.parse("aa:bb:cc:00:01:02");
    static final MacAddress OTHER_3 = MacAddress.parse("aa:bb:cc:00:01:03");
    static final String CODE = "ACDEFGHJKL";
    static final String HASH = "hash-of-ACDEFGHJKL";
    static final long PERSON = 10;
    static final long TOURIST = 20;
    static final long GIB = 1L << 30;

    /** One rule: what {@code ruling} gives, and what it should. */
    record Row(String rule, Supplier<Object> ruling, Object expected) {
        @Override
        public String toString() {
            return rule;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rules(Row row) {
        assertEquals(row.expected(), row.ruling().get(), row.rule());
    }

    /** {@code attempt} decided from {@code snapshot}: the ruling, or empty where the database must be asked. */
    static Row decides(String rule, AccessAttempt attempt, AccessSnapshot snapshot, Optional<Ruling> expected) {
        return new Row(rule, () -> RULES.decide(attempt, snapshot), expected);
    }

    /** Another node's attempt made {@code lost} impossible between the decision from {@code snapshot} and its writes. */
    static Row losesTheRace(String rule, Effect lost, AccessSnapshot snapshot, AuthDecision.Reject expected) {
        return new Row(rule, () -> RULES.lostRace(lost, snapshot), expected);
    }

    static Stream<Row> rows() {
        AccessAttempt macAuth = attempt(PHONE.toString(), PHONE.toString(), PHONE);
        AccessAttempt byCode = attempt(CODE, CODE, PHONE);
        AccessAttempt byPortal = attempt("p-abcdefghij", "portal-password", PHONE);
        return Stream.of(
                // MAC authentication
                decides("MAC auth: the Calling-Station-Id is another device's", attempt(PHONE.toString(), PHONE.toString(), TABLET),
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(0, 0, 0)), reject(RejectReason.WRONG_DEVICE, null)),
                decides("MAC auth: the password is not the MAC", attempt(PHONE.toString(), "guessed", PHONE),
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(0, 0, 0)), reject(RejectReason.UNKNOWN_USER, null)),
                decides("MAC auth: the device is not remembered on this gateway", macAuth,
                        snapshot(true, new AccessSnapshot.Login.Mac(PHONE), none(), Optional.empty(), Optional.empty()),
                        reject(RejectReason.DEVICE_NOT_REMEMBERED, null)),
                decides("MAC auth: the device was remembered until this very second", macAuth,
                        mac(remembered(PHONE, PERSON, NOW), none(), used(0, 0, 0)), reject(RejectReason.DEVICE_NOT_REMEMBERED, null)),
                decides("MAC auth from memory: a device memory does not know is asked of the database", macAuth,
                        snapshot(false, new AccessSnapshot.Login.Mac(PHONE), none(), Optional.empty(), Optional.empty()), Optional.empty()),
                decides("MAC auth from memory: a device expired in memory is asked of the database", macAuth,
                        memory(mac(remembered(PHONE, PERSON, NOW.minusMinutes(1)), none(), used(0, 0, 0))), Optional.empty()),
                decides("MAC auth: a phone's device gets what is left of today", macAuth,
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(100 * 60, 0, 100 * 60)), accept(PERSON, 20 * 60, GIB)),
                decides("MAC auth: a voucher's device keeps the voucher's minutes", macAuth,
                        mac(remembered(PHONE, TOURIST, NOW.plusDays(7)), Optional.of(voucher(90, NOW.plusDays(2), 2, true, PHONE)),
                                used(0, 0, 30 * 60)), accept(TOURIST, 60 * 60, GIB)),
                decides("MAC auth: a voucher's device is refused once the voucher expired", macAuth,
                        mac(remembered(PHONE, TOURIST, NOW.plusDays(7)), Optional.of(voucher(90, NOW.minusDays(1), 2, true, PHONE)),
                                used(0, 0, 0)), reject(RejectReason.VOUCHER_EXPIRED, null)),
                decides("MAC auth without Calling-Station-Id: the MAC is the asking device, whose own session does not count",
                        attempt(PHONE.toString(), PHONE.toString(), null),
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(0, 0, 0, PHONE, OTHER_1, OTHER_2)),
                        accept(PERSON, 120 * 60, GIB)),
                // Vouchers
                decides("voucher: the password is not the code", attempt(CODE, "WRONG", PHONE),
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        reject(RejectReason.UNKNOWN_USER, null)),
                decides("voucher: the code typed in lower case holds it", attempt(CODE.toLowerCase(), CODE.toLowerCase(), PHONE),
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB)),
                decides("voucher: a name typed in lower case with the code as printed for password holds it",
                        attempt(CODE.toLowerCase(), CODE, PHONE),
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB)),
                decides("voucher: the code typed with a dash, as name and password, holds it", attempt("acdef-ghjkl", "acdef-ghjkl", PHONE),
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB)),
                decides("voucher: revoked on the console, though in date and with time left", byCode,
                        code(revoked(voucher(90, NOW.plusDays(2), 2, true, PHONE)), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        reject(RejectReason.VOUCHER_REVOKED, null)),
                decides("MAC auth: a revoked voucher's device is refused too", macAuth,
                        mac(remembered(PHONE, TOURIST, NOW.plusDays(7)), Optional.of(revoked(voucher(90, NOW.plusDays(2), 2, true, PHONE))),
                                used(0, 0, 0)), reject(RejectReason.VOUCHER_REVOKED, null)),
                decides("voucher: expired this very second", byCode,
                        code(voucher(90, NOW, 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        reject(RejectReason.VOUCHER_EXPIRED, null)),
                decides("voucher: as many devices bound as it allows", attempt(CODE, CODE, TABLET),
                        code(voucher(90, NOW.plusDays(2), 1, true, PHONE), rememberedLately(TABLET, TOURIST), used(0, 0, 0)),
                        reject(RejectReason.VOUCHER_DEVICE_LIMIT, null)),
                decides("voucher: a new device is bound while there is room", attempt(CODE, CODE, TABLET),
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(TABLET, TOURIST), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB, new Effect.DeviceBound(HASH, TABLET, 2))),
                decides("voucher: its first use is recorded", byCode,
                        code(voucher(90, NOW.plusDays(2), 2, false, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB, new Effect.VoucherUsed(HASH))),
                decides("voucher: a bound device remembered lately comes back with nothing to write", byCode,
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB)),
                decides("voucher: a device not remembered is remembered", byCode,
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), Optional.empty(), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB, rememberedFor(TOURIST, Optional.of(HASH)))),
                decides("voucher: a device remembered an hour ago is remembered afresh", byCode,
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE),
                                Optional.of(remembered(PHONE, TOURIST, NOW.plusDays(7).minusHours(1))), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB, rememberedFor(TOURIST, Optional.of(HASH)))),
                new Row("voucher: a device remembered for a few hours is remembered afresh after a tenth of them", () -> {
                    HotspotRules rules = new HotspotRules(new AccessPolicyConfig(CONFIG.dailyAllowance(), CONFIG.dailyOctets(),
                            CONFIG.maxDevicesOnline(), Duration.ofHours(5), CONFIG.zone(), CONFIG.grant()));
                    return rules.decide(byCode, code(voucher(90, NOW.plusDays(2), 2, true, PHONE),
                            Optional.of(remembered(PHONE, TOURIST, NOW.plusHours(5).minusMinutes(31))), used(0, 0, 0)))
                            .orElseThrow().effects().size();
                }, 1),
                decides("voucher: a device remembered for someone else is remembered for the voucher", byCode,
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, PERSON), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB, rememberedFor(TOURIST, Optional.of(HASH)))),
                decides("voucher without Calling-Station-Id: no device to bind or remember", attempt(CODE, CODE, null),
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), Optional.empty(), used(0, 0, 0)),
                        accept(TOURIST, 90 * 60, GIB)),
                decides("voucher: its minutes used up across its sessions", byCode,
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 90 * 60)),
                        reject(RejectReason.QUOTA_EXHAUSTED, "en")),
                decides("voucher: the session ends when the voucher expires, minutes left or not", byCode,
                        code(voucher(90, NOW.plusMinutes(30), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0)),
                        accept(TOURIST, 30 * 60, GIB)),
                decides("voucher: as many of its devices online as it allows", byCode,
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), rememberedLately(PHONE, TOURIST), used(0, 0, 0, OTHER_1, OTHER_2)),
                        reject(RejectReason.TOO_MANY_DEVICES, "en")),
                decides("voucher from memory: usage memory does not hold is asked of the database", byCode,
                        memory(new AccessSnapshot(NOW, true, AccessSnapshot.Login.VOUCHER_CODE,
                                Optional.of(voucher(90, NOW.plusDays(2), 2, true, PHONE)), rememberedLately(PHONE, TOURIST), Optional.empty())),
                        Optional.empty()),
                // Daily allowance
                decides("day: as many other devices online as allowed", macAuth,
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(0, 0, 0, OTHER_1, OTHER_2, OTHER_3)),
                        reject(RejectReason.TOO_MANY_DEVICES, "en")),
                decides("day: the device's own open session does not count against it", macAuth,
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(0, 0, 0, OTHER_1, OTHER_2, PHONE)),
                        accept(PERSON, 120 * 60, GIB)),
                decides("day: today's time used up", macAuth,
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(120 * 60, 0, 120 * 60)),
                        reject(RejectReason.QUOTA_EXHAUSTED, "en")),
                decides("day: today's data used up", macAuth,
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(60, GIB, 60)),
                        reject(RejectReason.QUOTA_EXHAUSTED, "en")),
                decides("day: the data left is the session's", macAuth,
                        mac(remembered(PHONE, PERSON, NOW.plusDays(7)), none(), used(60, GIB - 1000, 60)),
                        accept(PERSON, 120 * 60 - 60, 1000)),
                // One-time portal credentials
                decides("portal: the password is not the credential's", attempt("p-abcdefghij", "guessed", PHONE),
                        portal(credential(false, NOW.plusMinutes(2)), none(), used(0, 0, 0)), reject(RejectReason.UNKNOWN_USER, "en")),
                decides("portal: the credential was spent", byPortal,
                        portal(credential(true, NOW.plusMinutes(2)), none(), used(0, 0, 0)), reject(RejectReason.CREDENTIAL_USED, "en")),
                decides("portal: the credential expired this very second", byPortal,
                        portal(credential(false, NOW), none(), used(0, 0, 0)), reject(RejectReason.CREDENTIAL_EXPIRED, "en")),
                decides("portal: the credential is another device's", attempt("p-abcdefghij", "portal-password", TABLET),
                        portal(credential(false, NOW.plusMinutes(2)), none(), used(0, 0, 0)), reject(RejectReason.WRONG_DEVICE, "en")),
                decides("portal: the gateway did not say which device asks", attempt("p-abcdefghij", "portal-password", null),
                        portal(credential(false, NOW.plusMinutes(2)), none(), used(0, 0, 0)), reject(RejectReason.WRONG_DEVICE, "en")),
                decides("portal: a login spends the credential and remembers the device", byPortal,
                        portal(credential(false, NOW.plusMinutes(2)), none(), used(0, 0, 0)),
                        accept(PERSON, 120 * 60, GIB, new Effect.CredentialSpent("p-abcdefghij"), rememberedFor(PERSON, Optional.empty()))),
                decides("portal: a voucher entered on the portal keeps its rules", byPortal,
                        new AccessSnapshot(NOW, true, new AccessSnapshot.Login.Portal(credential(false, NOW.plusMinutes(2), TOURIST)),
                                Optional.of(voucher(90, NOW.plusDays(2), 1, false)), Optional.empty(), used(0, 0, 10 * 60)),
                        accept(TOURIST, 80 * 60, GIB, new Effect.CredentialSpent("p-abcdefghij"), new Effect.DeviceBound(HASH, PHONE, 1),
                                new Effect.VoucherUsed(HASH), rememberedFor(TOURIST, Optional.of(HASH)))),
                // Nobody
                decides("nobody by that name", attempt("someone", "something", PHONE),
                        snapshot(true, AccessSnapshot.Login.NOBODY, none(), Optional.empty(), Optional.empty()),
                        reject(RejectReason.UNKNOWN_USER, null)),
                decides("from memory: a name memory does not know is asked of the database", attempt("someone", "something", PHONE),
                        AccessSnapshot.unknown(NOW), Optional.empty()),
                // Races lost to another node between the decision and its writes
                losesTheRace("race: the credential was spent by another attempt first", new Effect.CredentialSpent("p-abcdefghij"),
                        portal(credential(false, NOW.plusMinutes(2)), none(), used(0, 0, 0)),
                        new AuthDecision.Reject(RejectReason.CREDENTIAL_USED, "en")),
                losesTheRace("race: the voucher's last device was bound by another attempt first", new Effect.DeviceBound(HASH, TABLET, 2),
                        code(voucher(90, NOW.plusDays(2), 2, true, PHONE), Optional.empty(), used(0, 0, 0)),
                        new AuthDecision.Reject(RejectReason.VOUCHER_DEVICE_LIMIT, null)));
    }

    static AccessAttempt attempt(String user, String password, MacAddress client) {
        return new AccessAttempt("gw", GATEWAY, user, new Credential.Pap(password), Optional.ofNullable(client), Optional.empty());
    }

    static Voucher voucher(int minutes, OffsetDateTime validUntil, int maxDevices, boolean used, MacAddress... devices) {
        return new Voucher(HASH, TOURIST, minutes, validUntil, maxDevices, used, Set.of(devices));
    }

    static Voucher revoked(Voucher v) {
        return new Voucher(v.codeHash(), v.subscriberId(), v.minutes(), v.validUntil(), v.maxDevices(), v.used(), v.devices(), true);
    }

    static RememberedDevice remembered(MacAddress mac, long subscriber, OffsetDateTime until) {
        return new RememberedDevice(mac, GATEWAY, subscriber, until, subscriber == TOURIST ? Optional.of(HASH) : Optional.empty());
    }

    /** Remembered a minute ago: not due to be remembered afresh. */
    static Optional<RememberedDevice> rememberedLately(MacAddress mac, long subscriber) {
        return Optional.of(remembered(mac, subscriber, NOW.plus(CONFIG.rememberDevice()).minusMinutes(1)));
    }

    static Effect rememberedFor(long subscriber, Optional<String> voucher) {
        return new Effect.DeviceRemembered(new RememberedDevice(PHONE, GATEWAY, subscriber, NOW.plus(CONFIG.rememberDevice()), voucher));
    }

    static PortalCredential credential(boolean used, OffsetDateTime expiresAt) {
        return credential(used, expiresAt, PERSON);
    }

    static PortalCredential credential(boolean used, OffsetDateTime expiresAt, long subscriber) {
        return new PortalCredential("p-abcdefghij", "portal-password", subscriber, PHONE, expiresAt, used);
    }

    /** Usage with the open sessions of {@code online}; the language is English. */
    static Optional<Usage.Used> used(long secondsToday, long octetsToday, long secondsSince, MacAddress... online) {
        return Optional.of(new Usage.Used(secondsToday, octetsToday, secondsSince, Arrays.stream(online).map(MacAddress::toString).toList(),
                Optional.of("en")));
    }

    static Optional<Voucher> none() {
        return Optional.empty();
    }

    static AccessSnapshot snapshot(boolean complete, AccessSnapshot.Login login, Optional<Voucher> voucher,
                                   Optional<RememberedDevice> device, Optional<Usage.Used> usage) {
        return new AccessSnapshot(NOW, complete, login, voucher, device, usage);
    }

    static AccessSnapshot mac(RememberedDevice device, Optional<Voucher> voucher, Optional<Usage.Used> usage) {
        return snapshot(true, new AccessSnapshot.Login.Mac(device.mac()), voucher, Optional.of(device), usage);
    }

    static AccessSnapshot code(Voucher voucher, Optional<RememberedDevice> device, Optional<Usage.Used> usage) {
        return snapshot(true, AccessSnapshot.Login.VOUCHER_CODE, Optional.of(voucher), device, usage);
    }

    static AccessSnapshot portal(PortalCredential credential, Optional<Voucher> voucher, Optional<Usage.Used> usage) {
        return snapshot(true, new AccessSnapshot.Login.Portal(credential), voucher, Optional.empty(), usage);
    }

    /** The same rows, as memory would hold them. */
    static AccessSnapshot memory(AccessSnapshot s) {
        return new AccessSnapshot(s.now(), false, s.login(), s.voucher(), s.device(), s.usage());
    }

    static Optional<Ruling> accept(long subscriber, long seconds, long octets, Effect... effects) {
        return Optional.of(new Ruling(new AuthDecision.Accept(subscriber, seconds, octets, CONFIG.grant()), List.of(effects)));
    }

    static Optional<Ruling> reject(RejectReason reason, String language) {
        return Optional.of(new Ruling(new AuthDecision.Reject(reason, language), List.of()));
    }
}
