package io.steppe.ops.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.ops.SteppeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS URL phones are sent to for the login forms, which the certificate must name. */
class PortalUrlTest {

    @TempDir
    Path home;

    private SteppeConfig config(String... keysAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("STEPPE_HOME", home.toString(), "STEPPE_PORTAL_BIND", "10.8.0.2"));
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SteppeConfig.load(env);
    }

    @Test
    void theOperatorsHttpsUrlIsTakenAsItIs() {
        assertEquals(URI.create("https://portal.example.cn/wifi/"),
                PortalUrl.secure(config("STEPPE_PORTAL_URL", "https://portal.example.cn/wifi/"), 8443));
    }

    @Test
    void anHttpUrlKeepsItsHostAndGainsTheTlsPort() {
        assertEquals(URI.create("https://portal.example.cn:8443/"), PortalUrl.secure(config("STEPPE_PORTAL_URL", "http://portal.example.cn:8080/"), 8443));
        assertEquals(URI.create("https://portal.example.cn/"), PortalUrl.secure(config("STEPPE_PORTAL_URL", "http://portal.example.cn/"), 443));
    }

    @Test
    void withoutOneTheBoundAddressAndTheTlsPortAreUsed() {
        assertEquals(URI.create("https://10.8.0.2:8443/"), PortalUrl.secure(config(), 8443));
        assertEquals(URI.create("http://10.8.0.2:8080/"), PortalUrl.of(config(), 8080), "the plain URL is as before");
    }
}
