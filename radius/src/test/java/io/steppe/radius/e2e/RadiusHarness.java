package io.steppe.radius.e2e;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.radius.RadiusService;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.transport.RadiusServerConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The RADIUS service on loopback, free ports, a fresh database and one gateway: 127.0.0.1 with {@link #SECRET}. */
final class RadiusHarness implements AutoCloseable {

    static final String SECRET = "interop-secret-1234";

    final Database db;
    final CountingMetrics metrics = new CountingMetrics();
    final RadiusService radius;

    RadiusHarness(Path home, MessageAuthenticatorPolicy requireMessageAuthenticator) {
        db = TestDatabases.freshMigrated(home);
        new NasRepository(db.dsl(), TestKeys.fixed()).add(new Nas("loopback-gw", NasAddress.parse("127.0.0.1"), SECRET, Optional.empty(), 3799,
                requireMessageAuthenticator, MessageAuthenticatorPolicy.AUTO), "test");
        radius = RadiusService.start(RadiusServerConfig.defaults("127.0.0.1", 0, 0), AccessPolicyConfig.defaults(),
                db.dsl(), TestKeys.fixed(), Clock.systemUTC(), System::nanoTime, metrics);
    }

    String voucher(int minutes, int devices) {
        return new VoucherIssuer(db.dsl(), TestKeys.fixed(), Clock.systemUTC(), new SecureRandom())
                .issue(1, minutes, Duration.ofDays(1), devices, "test").get(0);
    }

    @Override
    public void close() {
        radius.close();
        db.close();
    }
}
