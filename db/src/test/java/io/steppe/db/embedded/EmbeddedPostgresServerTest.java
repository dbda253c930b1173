package io.steppe.db.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path home;

    @Test
    void durableServerSyncsEveryCommit() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home.resolve("pgdata"), true)) {
            assertTrue(server.owner());
            assertEquals("on", show(server, "fsync"));
            assertEquals("on", show(server, "synchronous_commit"));
            assertEquals("1MB", show(server, "wal_segment_size"), "a commit that opens a new WAL segment zero-fills 1 MB, not 16");
            assertTrue(Integer.parseInt(show(server, "server_version_num")) >= 160000, "PostgreSQL 16 or later");
        }
    }

    @Test
    void refusesEveryConnectionWithoutItsPassword() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home.resolve("pgdata"), false)) {
            assertRefused(() -> DriverManager.getConnection(server.jdbcUrl("postgres") + "?user=postgres"));
            assertRefused(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "guessed"));
            assertRefused(() -> DriverManager.getConnection(server.jdbcUrl("template1"), "steppe", ""));
            assertEquals("1", query(server, "SELECT 1"), "the password in the key file works");
            assertEquals("", show(server, "unix_socket_directories"), "no Unix socket to reach it through");

            Path password = home.resolve("keys/postgres.password");
            assertEquals(server.password(), Files.readString(password));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password.getParent())));
        }
    }

    @Test
    void aDataDirectoryThatTrustedLoopbackIsGivenThePassword() throws Exception {
        Path pgdata = home.resolve("pgdata");
        // what every data directory was before it had a password: zonky's own defaults, trust on loopback
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false).start();
             Connection c = trusting.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v int)");
            s.execute("INSERT INTO kept VALUES (3)");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(pgdata, false)) {
            assertRefused(() -> DriverManager.getConnection(server.jdbcUrl("postgres") + "?user=postgres"));
            assertEquals("3", query(server, "SELECT v FROM kept"));
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(pgdata, false)) {
            assertRefused(() -> DriverManager.getConnection(server.jdbcUrl("postgres") + "?user=postgres"));
            assertEquals("3", query(server, "SELECT v FROM kept"), "and keeps working with it after a restart");
        }
    }

    private static void assertRefused(Executable connect) {
        SQLException refused = assertThrows(SQLException.class, connect);
        // 28P01: a wrong password; 08004: the server asked for SCRAM and the client had no password to give
        assertTrue(refused.getSQLState().startsWith("28") || refused.getSQLState().equals("08004"),
                "an authentication failure, was " + refused.getSQLState()
                + ": " + refused.getMessage());
    }

    @Test
    void secondStartOnTheSameDirectoryUsesTheRunningServer() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrAttach(home.resolve("pgdata"), false);
             EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrAttach(home.resolve("pgdata"), false)) {
            assertTrue(first.owner());
            assertFalse(second.owner());
            assertEquals(first.port(), second.port());
            assertEquals("off", show(second, "fsync"));
        }
    }

    @Test
    void dataSurvivesAStopAndStart() throws Exception {
        Path pgdata = home.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(pgdata, true)) {
            execute(server, "CREATE TABLE kept (v int)", "INSERT INTO kept VALUES (42)");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(pgdata, true)) {
            assertEquals("42", query(server, "SELECT v FROM kept"));
        }
    }

    @Test
    void killedOwnerIsRecoveredWithItsData() throws Exception {
        Path pgdata = home.resolve("pgdata");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldEmbeddedPostgres.class.getName(), pgdata.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // skip the child's log lines
            }
            assertTrue(line != null, "the child JVM started its server");
        }
        long orphan = PostmasterPid.read(pgdata).orElseThrow().pid();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
                "a SIGKILLed JVM leaves its PostgreSQL running");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(pgdata, true)) {
            assertTrue(server.owner());
            assertEquals("written before the kill", query(server, "SELECT note FROM survivor"));
        }
        assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void staleLockFileOfADeadProcessIsIgnored() throws Exception {
        Path pgdata = home.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(pgdata, false)) {
            execute(server, "CREATE TABLE kept (v int)", "INSERT INTO kept VALUES (7)");
        }
        // pid 2^22 + 1 is above Linux's default pid_max, so no process has it.
        Files.writeString(pgdata.resolve("postmaster.pid"), "4194305\n" + pgdata + "\n0\n5999\n/tmp\nlocalhost\n0 0\nready\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(pgdata, false)) {
            assertEquals("7", query(server, "SELECT v FROM kept"));
        }
    }

    private static String show(EmbeddedPostgresServer server, String setting) throws Exception {
        return query(server, "SHOW " + setting);
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = server.connect("postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedPostgresServer server, String... sql) throws Exception {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }
}
