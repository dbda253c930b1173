package io.steppe.ops.backup;

import io.steppe.db.keys.KeyFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes a backup of a Steppe home: a manifest, the key files, the configuration file when there is one, and, for
 * the embedded PostgreSQL, a {@link BaseBackup} of it; all sealed with a passphrase ({@link SealedFormat}).
 */
public final class HomeBackup {

    static final String MANIFEST = "steppe-backup.properties";
    static final String CONFIG_FILE = "steppe.conf";
    static final String DATA_DIRECTORY = "pgdata";

    private final Path home;
    private final String steppeVersion;
    private final Clock clock;

    public HomeBackup(Path home, String steppeVersion, Clock clock) {
        this.home = home;
        this.steppeVersion = steppeVersion;
        this.clock = clock;
    }

    /** What a backup holds. */
    public record Written(long files, long octets, Optional<String> serverVersion) {
    }

    /**
     * Writes the backup to {@code out} and closes it.
     *
     * @param embedded a superuser connection to the embedded PostgreSQL of this home; empty when the database is
     *                 an external one, which this backup then leaves out
     */
    public Written write(OutputStream out, char[] passphrase, Optional<Connection> embedded) throws IOException, SQLException {
        try (ArchiveWriter archive = new ArchiveWriter(new SealedOutputStream(out, passphrase, new SecureRandom()))) {
            Properties manifest = new Properties();
            manifest.setProperty("format", "1");
            manifest.setProperty("steppe", steppeVersion);
            manifest.setProperty("created", clock.instant().toString());
            manifest.setProperty("home", home.toString());
            manifest.setProperty("database", embedded.isPresent() ? "embedded" : "external, not included");
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            manifest.store(text, "Steppe backup");
            archive.bytes(MANIFEST, text.toByteArray());
            for (Path file : homeFiles()) {
                archive.file(home.relativize(file).toString(), file);
            }
            Optional<String> serverVersion = Optional.empty();
            if (embedded.isPresent()) {
                archive.directory(DATA_DIRECTORY);
                serverVersion = Optional.of(BaseBackup.copy(embedded.get(), home.resolve(DATA_DIRECTORY), archive,
                        DATA_DIRECTORY + "/").serverVersion());
            }
            return new Written(archive.files(), archive.octets(), serverVersion);
        }
    }

    /** Every file of {@code $STEPPE_HOME/keys}, and {@code steppe.conf}. */
    private List<Path> homeFiles() throws IOException {
        Path keys = KeyFile.directory(home);
        List<Path> files = new java.util.ArrayList<>();
        if (Files.isDirectory(keys)) {
            try (Stream<Path> walk = Files.walk(keys)) {
                walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".new")).sorted().forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no key files in " + keys + ": without them the database's secrets cannot be read");
        }
        Path config = home.resolve(CONFIG_FILE);
        if (Files.isRegularFile(config)) {
            files.add(config);
        }
        return files;
    }
}
