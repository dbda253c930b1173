package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steppe demo} run as a service whose output is kept (here: standard output read by the test, standard error
 * in a file, as a journal would keep both): the first admin password is in neither, only in an owner-only file.
 */
class DemoPasswordTest {

    @Test
    void theFirstAdminPasswordNeverReachesTheLog(@TempDir Path home) throws Exception {
        Path log = home.resolve("steppe.log");
        List<String> printed = new ArrayList<>();
        try (ChildSteppe demo = ChildSteppe.start("demo", TestEnvironment.of(home), java.lang.ProcessBuilder.Redirect.to(log.toFile()),
                line -> line.startsWith("Console login"), printed)) {
            Path file = home.resolve("keys").resolve("admin-password");
            assertTrue(Files.exists(file), "the password is kept for its reader: " + printed);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String password = Files.readString(file).strip();
            assertTrue(password.length() >= 10, password.length() + " characters");
            assertFalse(String.join("\n", printed).contains(password), "the password is on standard output: " + printed);
            assertFalse(Files.readString(log).contains(password), "the password is in the log file");
            assertTrue(printed.get(printed.size() - 1).contains(file.toString()), printed.get(printed.size() - 1));
            new Http().consoleToken(demo.apiPort, "admin", password);
        }
    }
}
