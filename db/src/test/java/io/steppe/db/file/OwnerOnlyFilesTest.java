package io.steppe.db.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void newAndRewrittenFilesAreReadableByTheirOwnerOnly() throws IOException {
        Path fresh = dir.resolve("reports").resolve("gaps.csv");
        OwnerOnlyFiles.createDirectory(fresh.getParent());
        OwnerOnlyFiles.write(fresh, "a\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.getParent())));

        Path old = Files.writeString(dir.resolve("old.csv"), "a long earlier content\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.write(old, "b\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        assertEquals("b\n", Files.readString(old));
    }

    @Test
    void anExclusiveExportNeverOverwrites() throws IOException {
        Path existing = Files.writeString(dir.resolve("export.csv"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFiles.newOutputStream(existing, true).close());
    }
}
