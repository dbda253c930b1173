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

    /** The environment with some keys set as well, e.g. {@code "STEPPE_SMS", "outbox"}. */
    static Map<String, String> of(Path home, String... keysAndValues) {
        Map<String, String> env = of(home);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    static Map<String, String> of(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("STEPPE_HOME", home.toString());
        env.put("STEPPE_BIND_ADDRESS", "127.0.0.1");
        env.put("STEPPE_PORTAL_PORT", "0");
        env.put("STEPPE_PORTAL2_PORT", "0");
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
