package io.steppe.ops.e2e;

import io.steppe.ops.SteppeConfig;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import io.steppe.ops.server.SteppeServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** {@code serve} in this JVM on free loopback ports, with one console account per role, all with {@link #PASSWORD}. */
final class InProcessSteppe implements AutoCloseable {

    static final String PASSWORD = "steppe-test-password";
    static final String OPERATOR = "olga";
    static final String PLANNER = "pema";
    static final String ADMIN = "altan";

    final SteppeServer server;
    final int portal;
    final int api;

    private InProcessSteppe(SteppeServer server) {
        this.server = server;
        this.portal = server.listeners().portalPort();
        this.api = server.listeners().apiPort();
    }

    static InProcessSteppe start(Path home, Map<String, String> extraEnvironment) {
        return start(home, extraEnvironment, Clock.systemUTC());
    }

    static InProcessSteppe start(Path home, Map<String, String> extraEnvironment, Clock clock) {
        Map<String, String> env = TestEnvironment.of(home);
        env.putAll(extraEnvironment);
        InProcessSteppe steppe = new InProcessSteppe(SteppeServer.start(SteppeConfig.load(env), clock));
        AccountRepository accounts = new AccountRepository(steppe.server.database().dsl(), new PasswordHasher(4, new SecureRandom()));
        accounts.add(OPERATOR, Role.OPERATOR, PASSWORD.toCharArray(), "test");
        accounts.add(PLANNER, Role.PLANNER, PASSWORD.toCharArray(), "test");
        accounts.add(ADMIN, Role.ADMIN, PASSWORD.toCharArray(), "test");
        return steppe;
    }

    @Override
    public void close() {
        server.close();
    }
}
