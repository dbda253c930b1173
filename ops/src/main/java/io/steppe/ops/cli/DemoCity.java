package io.steppe.ops.cli;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.account.AccountRepository;
import io.steppe.ops.account.PasswordHasher;
import io.steppe.ops.account.Role;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.auth.VoucherIssuer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The demo city: Ulanqab-like gateways (Jining district's centre, a scenic spot, a village) on loopback
 * addresses, the access points behind them, and an admin account. Seeding twice adds nothing the first run made.
 */
final class DemoCity {

    /** What seeding made: the admin's password is known only when this run created the account. */
    record Seeded(int gateways, int accessPoints, Optional<String> adminPassword, String voucher) {
    }

    /** The demo gateway on 127.0.0.1, so that radtest on this machine plays it. */
    static final String LOOPBACK_GATEWAY_SECRET = "demo-jining-centre-secret";
    /** The UAM secret the simulated gateway signs its redirects with. */
    static final String UAM_SECRET = "demo-uam-secret";

    /** Access points of the demo city: Jining's centre, the Huitengxile grassland, a Liangcheng village. */
    private static final List<AccessPoint> ACCESS_POINTS = List.of(
            ap("jn-square-01", "02:00:5e:10:00:01", "Jining People's Square north", "jining-centre", 41.0336, 113.1330, "jining-centre-gw"),
            ap("jn-square-02", "02:00:5e:10:00:02", "Jining People's Square south", "jining-centre", 41.0318, 113.1331, "jining-centre-gw"),
            ap("jn-station-01", "02:00:5e:10:00:03", "Ulanqab railway station hall", "jining-centre", 41.0165, 113.1072, "jining-centre-gw"),
            ap("htx-gate-01", "02:00:5e:20:00:01", "Huitengxile grassland visitor centre", "huitengxile-scenic", 41.1030, 112.6390, "huitengxile-scenic-gw"),
            ap("htx-yurt-01", "02:00:5e:20:00:02", "Huitengxile yurt camp", "huitengxile-scenic", 41.0978, 112.6251, "huitengxile-scenic-gw"),
            ap("lc-daihai-01", "02:00:5e:30:00:01", "Daihai village square", "liangcheng-daihai", 40.5600, 112.6700, "liangcheng-village-gw"));

    private static AccessPoint ap(String id, String mac, String name, String site, double lat, double lon, String gateway) {
        return new AccessPoint(id, MacAddress.parse(mac), name, Optional.of(site), Optional.of(new AccessPoint.Location(lat, lon)),
                Optional.of(gateway), Optional.empty());
    }

    private static final List<Nas> GATEWAYS = List.of(
            new Nas("jining-centre-gw", NasAddress.parse("127.0.0.1"), LOOPBACK_GATEWAY_SECRET, Optional.of(UAM_SECRET),
                    3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO),
            new Nas("huitengxile-scenic-gw", NasAddress.parse("127.0.1.0/24"), "demo-huitengxile-secret", Optional.of("demo-uam-secret"),
                    3799, MessageAuthenticatorPolicy.YES, MessageAuthenticatorPolicy.AUTO),
            new Nas("liangcheng-village-gw", NasAddress.parse("::1"), "demo-liangcheng-secret", Optional.empty(),
                    3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO));

    private final DSLContext dsl;
    private final String actor;

    DemoCity(DSLContext dsl, String actor) {
        this.dsl = dsl;
        this.actor = actor;
    }

    Seeded seed() {
        NasRepository gateways = new NasRepository(dsl);
        for (Nas nas : GATEWAYS) {
            if (gateways.find(nas.name()).isEmpty()) {
                gateways.add(nas, actor);
            }
        }
        ApRepository aps = new ApRepository(dsl, new SecureRandom());
        for (AccessPoint ap : ACCESS_POINTS) {
            if (aps.find(ap.id()).isEmpty()) {
                aps.register(ap, actor);
            }
        }
        AccountRepository accounts = new AccountRepository(dsl, PasswordHasher.standard());
        Optional<String> password = Optional.empty();
        if (accounts.list().stream().noneMatch(a -> a.username().equals("admin"))) {
            String generated = randomPassword();
            accounts.add("admin", Role.ADMIN, generated.toCharArray(), actor);
            password = Optional.of(generated);
        }
        String voucher = new VoucherIssuer(dsl, Clock.systemUTC(), new SecureRandom()).issue(1, 60, Duration.ofDays(1), 1, actor).get(0);
        return new Seeded(GATEWAYS.size(), ACCESS_POINTS.size(), password, voucher);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
