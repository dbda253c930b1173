package io.steppe.db.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL's {@code postmaster.pid} lock file says about the server running on a data directory:
 * line 1 is the postmaster's process id, line 4 its TCP port (PostgreSQL's {@code miscadmin.h},
 * LOCK_FILE_LINE_PID and LOCK_FILE_LINE_PORT).
 */
record PostmasterPid(long pid, int port) {

    static final String FILE_NAME = "postmaster.pid";

    static Optional<PostmasterPid> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process is alive and is a PostgreSQL server (a recycled pid may belong to anything). */
    boolean isRunningPostgres() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        return process.get().info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }
}
