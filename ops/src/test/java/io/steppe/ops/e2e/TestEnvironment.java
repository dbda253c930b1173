package io.steppe.ops.e2e;

import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment a test gives {@code steppe}: its own {@code STEPPE_HOME}, loopback, any free ports, and
 * the database under test (embedded in that home, or a fresh one on {@code STEPPE_TEST_DB_URL}).
 */
final class TestEnvironment {

    private TestEnvironment() {
    }

    static Map<String, String> of(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("STEPPE_HOME", home.toString());
        env.put("STEPPE_BIND_ADDRESS", "127.0.0.1");
        env.put("STEPPE_PORTAL_PORT", "0");
        env.put("STEPPE_API_PORT", "0");
        env.put("STEPPE_RADIUS_AUTH_PORT", "0");
        env.put("STEPPE_RADIUS_ACCT_PORT", "0");
        if (TestDatabases.external()) {
            TestDatabases.Location db = TestDatabases.fresh();
            env.put("STEPPE_DB_URL", db.url());
            db.user().ifPresent(u -> env.put("STEPPE_DB_USER", u));
            db.password().ifPresent(p -> env.put("STEPPE_DB_PASSWORD", p));
        }
        return env;
    }
}
