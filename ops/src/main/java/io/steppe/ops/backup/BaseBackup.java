package io.steppe.ops.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A consistent copy of the running embedded PostgreSQL, taken as PostgreSQL's "Making a Base Backup Using the Low
 * Level API" describes: {@code pg_backup_start}, a copy of the data directory while the server keeps writing, then
 * {@code pg_backup_stop}, whose {@code backup_label} and the write-ahead log between the two make the copy
 * consistent when the server next starts on it. A temporary replication slot keeps that log from being recycled
 * while the copy runs; it goes with the session. What {@code pg_basebackup} leaves out is left out here too.
 */
final class BaseBackup {

    /** Directories whose contents are rebuilt at start or are the log, copied apart ({@code pg_basebackup}'s list). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files that describe the running server, not the data ({@code epg-lock} is the embedded launcher's lock). */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init", "backup_label",
            "backup_label.old", "tablespace_map", "epg-lock");
    private static final String WAL_FILE = "[0-9A-F]{24}";

    private BaseBackup() {
    }

    /** What the copy covers, for the manifest and the audit log. */
    record Taken(String startWal, String stopWal, String serverVersion) {
    }

    /** Copies the cluster on {@code dataDirectory}, reached through {@code c} as a superuser, under {@code prefix}. */
    static Taken copy(Connection c, Path dataDirectory, ArchiveWriter archive, String prefix) throws SQLException, IOException {
        String serverVersion;
        String startWal;
        try (Statement s = c.createStatement()) {
            serverVersion = single(s, "SHOW server_version");
            s.execute("SELECT pg_create_physical_replication_slot('steppe_backup_' || pg_backend_pid(), true, true)");
        }
        try (PreparedStatement start = c.prepareStatement("SELECT pg_walfile_name(pg_backup_start(?, true))")) {
            start.setString(1, "steppe backup");
            try (ResultSet rs = start.executeQuery()) {
                rs.next();
                startWal = rs.getString(1);
            }
        }
        copyDataDirectory(dataDirectory, archive, prefix);
        String stopWal;
        String label;
        String tablespaces;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_walfile_name(lsn), labelfile, spcmapfile FROM pg_backup_stop(false)")) {
            rs.next();
            stopWal = rs.getString(1);
            label = rs.getString(2);
            tablespaces = rs.getString(3);
        }
        List<Path> wal;
        try (Stream<Path> files = Files.list(dataDirectory.resolve("pg_wal"))) {
            wal = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.matches(WAL_FILE) && name.compareTo(startWal) >= 0 && name.compareTo(stopWal) <= 0;
            }).sorted().toList();
        }
        for (Path segment : wal) {
            if (!archive.file(prefix + "pg_wal/" + segment.getFileName(), segment)) {
                throw new IOException("the write-ahead log segment " + segment.getFileName() + " went away during the backup");
            }
        }
        archive.bytes(prefix + "backup_label", label.getBytes(StandardCharsets.UTF_8));
        if (tablespaces != null && !tablespaces.isEmpty()) {
            archive.bytes(prefix + "tablespace_map", tablespaces.getBytes(StandardCharsets.UTF_8));
        }
        return new Taken(startWal, stopWal, serverVersion);
    }

    private static void copyDataDirectory(Path dataDirectory, ArchiveWriter archive, String prefix) throws IOException {
        Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = dataDirectory.relativize(dir);
                if (relative.toString().isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                // an emptied directory's subdirectories go too (a replication slot's would name a missing state
                // file), but for the log's own (archive_status, summaries), which the server expects to find
                if (relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())
                        && !relative.getName(0).toString().equals("pg_wal")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                archive.directory(prefix + name(relative));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = dataDirectory.relativize(file);
                String name = file.getFileName().toString();
                boolean emptied = relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString());
                if (attrs.isRegularFile() && !emptied && !SKIPPED.contains(name) && !name.startsWith("pgsql_tmp")) {
                    archive.file(prefix + name(relative), file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed by the server since the directory was listed
                }
                throw e;
            }
        });
    }

    private static String name(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
