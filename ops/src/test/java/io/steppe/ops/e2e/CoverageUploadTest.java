package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.map.GeoJson;
import io.steppe.ops.SteppeConfig;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import io.steppe.ops.server.SteppeServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drive-test log larger than any body the server holds in memory (16 MB), uploaded through real HTTP in chunks
 * as a generator writes it: every row is counted, a bad row deep in the file is reported with its line number, and
 * the same upload again adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageUploadTest {

    private static final String PASSWORD = "steppe-test-password";
    private static final int ROWS = 320_000;
    /** Data rows start on line 2, after the header. */
    private static final int BAD_ROW = 250_000;
    private static final int WARNED_ROW = 300_000;
    private static final long BUFFER_LIMIT = 16L * 1024 * 1024;

    SteppeServer server;
    String planner;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home)), Clock.systemUTC());
        new AccountRepository(server.database().dsl(), new PasswordHasher(4, new SecureRandom()))
                .add("pema", Role.PLANNER, PASSWORD.toCharArray(), "test");
        planner = new Http().consoleToken(server.listeners().apiPort(), "pema", PASSWORD);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aLogLargerThanTheServersBufferStreamsInWithExactCountsAndLineNumbers() throws Exception {
        GeneratedLog first = new GeneratedLog();
        Map<?, ?> result = upload(first);
        assertTrue(first.bytes > BUFFER_LIMIT, first.bytes + " bytes sent");
        assertEquals("steppe-csv", result.get("format"), result.toString());
        assertEquals((double) (ROWS - 1), result.get("accepted"), result.toString());
        assertEquals((double) (ROWS - 1), result.get("added"), result.toString());
        assertEquals(0.0, result.get("duplicates"), result.toString());
        assertEquals(1.0, result.get("rejected"), result.toString());
        assertEquals(1.0, result.get("warned"), result.toString());
        List<?> problems = (List<?>) result.get("problems");
        assertEquals(List.of((BAD_ROW + 2) + ",rejected,\"rsrp -30 is outside -140…-44\"",
                (WARNED_ROW + 2) + ",warning,\"rsrq -25 is outside -20…-3; emptied\""), problems);

        Map<?, ?> again = upload(new GeneratedLog());
        assertEquals((double) (ROWS - 1), again.get("accepted"), again.toString());
        assertEquals(0.0, again.get("added"), again.toString());
        assertEquals((double) (ROWS - 1), again.get("duplicates"), again.toString());
    }

    private Map<?, ?> upload(GeneratedLog log) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.listeners().apiPort()
                        + "/api/coverage/samples?source=long-drive"))
                .timeout(Duration.ofMinutes(10)) // a guard against a hang, not a measure
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + planner)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> log)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return (Map<?, ?>) GeoJson.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** A contract CSV written row by row as it is read, so the test never holds the whole log either. */
    private static final class GeneratedLog extends InputStream {

        private static final long START = 1_763_600_000_000L;

        private byte[] line = "timestamp,lat,lon,mcc,mnc,rat,rsrp,rsrq,device_id\n".getBytes(StandardCharsets.UTF_8);
        private int pos;
        private int row;
        long bytes;

        @Override
        public int read() {
            if (pos == line.length && !next()) {
                return -1;
            }
            bytes++;
            return line[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos == line.length && !next()) {
                return -1;
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            pos += n;
            bytes += n;
            return n;
        }

        private boolean next() {
            if (row == ROWS) {
                return false;
            }
            int rsrp = row == BAD_ROW ? -30 : -80 - row % 40;
            int rsrq = row == WARNED_ROW ? -25 : -10;
            String text = (START + row * 1000L) + "," + (41.2 + row % 100 * 0.0001) + "," + (113.0 + row / 100 % 100 * 0.0001)
                    + ",460,00,LTE," + rsrp + "," + rsrq + ",car-" + row % 3 + "\n";
            line = text.getBytes(StandardCharsets.UTF_8);
            pos = 0;
            row++;
            return true;
        }
    }
}
