package io.steppe.ops.cli;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.keys.SecretKeys;
import io.steppe.db.net.MacAddress;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import io.steppe.bench.sim.SimulatedAp;
import io.steppe.portal.uam.UamAddresses;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.packet.Vendor;
import io.steppe.radius.auth.VoucherIssuer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The demo city: Ulanqab-like gateways (Jining district's centre, a scenic spot, a village) on loopback
 * addresses, the access points behind them, and an admin account. Seeding twice adds nothing the first run made.
 */
final class DemoCity {

    /** What seeding made: the admin's password is known only when this run created the account. */
    record Seeded(int gateways, int accessPoints, Optional<String> adminPassword, String voucher, Map<String, String> apTokens) {
    }

    /** The demo gateway on 127.0.0.1, so that radtest on this machine plays it. */
    static final String LOOPBACK_GATEWAY_SECRET = "demo-jining-centre-secret";
    /** The UAM secret the simulated gateway signs its redirects with. */
    static final String UAM_SECRET = "demo-uam-secret";
    /** The address the village gateway's clients reach it at (its {@code uamip}). */
    private static final java.net.InetAddress VILLAGE_UAM_ADDRESS = io.netty.util.NetUtil.createInetAddressFromIpAddressString("10.3.0.1");

    /** Access points of the demo city: Jining's centre, the Huitengxile grassland, a Liangcheng village. */
    /** The demo's Huawei-style access controller, which logs users on by the Portal protocol (a SimulatedAc). */
    static final String AC_NAME = "jining-library-ac";
    static final String AC_ADDRESS = "127.0.0.2";
    static final String AC_RADIUS_SECRET = "demo-jining-library-secret";
    static final String AC_PORTAL_SECRET = "demo-portal-key";
    static final String AC_AP_MAC = "02:00:5e:10:00:a1";

    private static final List<AccessPoint> ACCESS_POINTS = List.of(
            ap("jn-library-01", AC_AP_MAC, "Ulanqab Library reading room", "jining-centre", 41.0290, 113.1250, AC_NAME),
            ap("jn-library-02", "02:00:5e:10:00:a2", "Ulanqab Library entrance", "jining-centre", 41.0292, 113.1254, AC_NAME),
            ap("jn-square-01", "02:00:5e:10:00:01", "Jining People's Square north", "jining-centre", 41.0336, 113.1330, "jining-centre-gw"),
            ap("jn-square-02", "02:00:5e:10:00:02", "Jining People's Square south", "jining-centre", 41.0318, 113.1331, "jining-centre-gw"),
            ap("jn-station-01", "02:00:5e:10:00:03", "Ulanqab railway station hall", "jining-centre", 41.0165, 113.1072, "jining-centre-gw"),
            ap("htx-gate-01", "02:00:5e:20:00:01", "Huitengxile grassland visitor centre", "huitengxile-scenic", 41.1030, 112.6390, "huitengxile-scenic-gw"),
            ap("htx-yurt-01", "02:00:5e:20:00:02", "Huitengxile yurt camp", "huitengxile-scenic", 41.0978, 112.6251, "huitengxile-scenic-gw"),
            ap("lc-daihai-01", "02:00:5e:30:00:01", "Daihai village square", "liangcheng-daihai", 40.5600, 112.6700, "liangcheng-village-gw"));

    /** Street and village APs around the named ones, so that the map and the gateway grouping have something to show. */
    static List<AccessPoint> accessPoints() {
        List<AccessPoint> all = new ArrayList<>(ACCESS_POINTS);
        for (int i = 1; i <= 12; i++) {
            all.add(ap(String.format("jn-street-%02d", i), String.format("02:00:5e:11:00:%02x", i), "Jining street AP " + i,
                    "jining-centre", 41.020 + (i % 4) * 0.006, 113.100 + (i / 4) * 0.012, "jining-centre-gw"));
        }
        for (int i = 1; i <= 6; i++) {
            all.add(ap(String.format("htx-trail-%02d", i), String.format("02:00:5e:21:00:%02x", i), "Huitengxile trail AP " + i,
                    "huitengxile-scenic", 41.090 + i * 0.004, 112.610 + i * 0.006, "huitengxile-scenic-gw"));
        }
        for (int i = 1; i <= 5; i++) {
            all.add(ap(String.format("lc-village-%02d", i), String.format("02:00:5e:31:00:%02x", i), "Liangcheng village AP " + i,
                    "liangcheng-daihai", 40.545 + i * 0.005, 112.655 + i * 0.007, "liangcheng-village-gw"));
        }
        return all;
    }

    /** The demo's incidents, a minute in: a saturated station, a flapping yurt camp, a dead street AP, a village gateway down. */
    static SimulatedAp.Behaviour behaviour(AccessPoint ap) {
        if (ap.id().equals("jn-station-01")) {
            return SimulatedAp.Behaviour.DEGRADING;
        }
        if (ap.id().equals("htx-yurt-01")) {
            return SimulatedAp.Behaviour.FLAPPING;
        }
        if (ap.id().equals("jn-street-07") || ap.gateway().filter("liangcheng-village-gw"::equals).isPresent()) {
            return SimulatedAp.Behaviour.FAILING;
        }
        return SimulatedAp.Behaviour.HEALTHY;
    }

    private static AccessPoint ap(String id, String mac, String name, String site, double lat, double lon, String gateway) {
        return new AccessPoint(id, MacAddress.parse(mac), name, Optional.of(site), Optional.of(new AccessPoint.Location(lat, lon)),
                Optional.of(gateway), Optional.empty());
    }

    private static final List<Nas> GATEWAYS = List.of(
            new Nas(AC_NAME, NasAddress.parse(AC_ADDRESS), AC_RADIUS_SECRET, Optional.empty(),
                    3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO),
            new Nas("jining-centre-gw", NasAddress.parse("127.0.0.1"), LOOPBACK_GATEWAY_SECRET, Optional.of(UAM_SECRET),
                    3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO),
            new Nas("huitengxile-scenic-gw", NasAddress.parse("127.0.1.0/24"), "demo-huitengxile-secret", Optional.of("demo-uam-secret"),
                    3799, MessageAuthenticatorPolicy.YES, MessageAuthenticatorPolicy.AUTO),
            new Nas("liangcheng-village-gw", NasAddress.parse("::1"), "demo-liangcheng-secret", Optional.empty(),
                    3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO));

    private final DSLContext dsl;
    private final SecretKeys keys;
    private final String actor;
    private final Clock clock;

    DemoCity(DSLContext dsl, SecretKeys keys, String actor, Clock clock) {
        this.dsl = dsl;
        this.keys = keys;
        this.actor = actor;
        this.clock = clock;
    }

    Seeded seed() {
        NasRepository gateways = new NasRepository(dsl, keys);
        for (Nas nas : GATEWAYS) {
            if (gateways.find(nas.name()).isEmpty()) {
                gateways.add(nas, actor);
            }
        }
        gateways.setVendor(AC_NAME, Vendor.HUAWEI, actor);
        // The village gateway has no UAM secret: the portal trusts it only to send browsers to its own address.
        new UamAddresses(dsl).set("liangcheng-village-gw", List.of(VILLAGE_UAM_ADDRESS), actor);
        // The demo plays its APs itself, so each run gives them new tokens.
        Map<String, String> apTokens = new ApRepository(dsl, new SecureRandom(), clock).registerWithNewTokens(accessPoints(), actor);
        AccountRepository accounts = new AccountRepository(dsl, PasswordHasher.standard());
        Optional<String> password = Optional.empty();
        if (accounts.list().stream().noneMatch(a -> a.username().equals("admin"))) {
            String generated = PasswordHasher.generate(new SecureRandom());
            accounts.add("admin", Role.ADMIN, generated.toCharArray(), actor);
            password = Optional.of(generated);
        }
        String voucher = new VoucherIssuer(dsl, keys, clock, new SecureRandom()).issue(1, 60, Duration.ofDays(1), 1, actor).get(0);
        return new Seeded(GATEWAYS.size(), apTokens.size(), password, voucher, apTokens);
    }
}
