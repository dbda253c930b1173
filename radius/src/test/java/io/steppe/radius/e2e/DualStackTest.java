package io.steppe.radius.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.radius.RadiusService;
import io.steppe.radius.auth.AccessPolicyConfig;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.radius.transport.RadiusServerConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listening on every address serves gateways on IPv4 and IPv6 alike, each with its own secret. */
class DualStackTest {

    @TempDir
    Path home;

    @Test
    void gatewaysOnIpv4AndIpv6AreBothServed() throws Exception {
        try (Database db = TestDatabases.freshMigrated(home)) {
            NasRepository gateways = new NasRepository(db.dsl(), TestKeys.fixed());
            gateways.add(Nas.of("v4-gw", NasAddress.parse("127.0.0.0/8"), "ipv4-secret-123"), "test");
            gateways.add(Nas.of("v6-gw", NasAddress.parse("::1"), "ipv6-secret-456"), "test");
            try (RadiusService radius = RadiusService.start(RadiusServerConfig.defaults("::", 0, 0), AccessPolicyConfig.defaults(),
                    db.dsl(), TestKeys.fixed(), Clock.systemUTC(), System::nanoTime, new CountingMetrics());
                 TestPackets v4 = new TestPackets(InetAddress.getByName("127.0.0.1"));
                 TestPackets v6 = new TestPackets(InetAddress.getByName("::1"))) {
                assertEquals(2, v4.exchange(radius.authPort(), TestPackets.statusServer(1, "ipv4-secret-123")).orElseThrow()[0]);
                assertEquals(2, v6.exchange(radius.authPort(), TestPackets.statusServer(2, "ipv6-secret-456")).orElseThrow()[0]);
                assertEquals(5, v6.exchange(radius.acctPort(), TestPackets.statusServer(3, "ipv6-secret-456")).orElseThrow()[0]);
            }
        }
    }
}
