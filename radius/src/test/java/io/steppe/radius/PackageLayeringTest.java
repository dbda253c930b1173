package io.steppe.radius;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Protocol apart from I/O (STYLE.md, habit 2): the codec imports nothing from Netty and the request pipeline
 * nothing from Netty's channel API, so that both are tested without a socket; and the codec depends on no other
 * part of the server. Read from the sources, which
 * Maven runs the tests beside.
 */
class PackageLayeringTest {

    private static final Path MAIN = Path.of("src/main/java/io/steppe/radius");

    @Test
    void theCodecImportsNoNetty() {
        assertEquals(List.of(), importing(MAIN.resolve("packet"), "import io.netty."));
    }

    /** The policy and accounting build on the codec's message values; the codec builds on neither. */
    @Test
    void theCodecImportsNothingElseOfTheServer() {
        assertEquals(List.of(), importing(MAIN.resolve("packet"), "import io.steppe.radius."));
    }

    @Test
    void theRequestPipelineImportsNoChannels() {
        assertEquals(List.of(), importing(MAIN.resolve("server"), "import io.netty.channel"));
    }

    private static List<String> importing(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f).anyMatch(l -> l.startsWith(prefix)))
                    .map(f -> f.getFileName().toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
