package io.steppe.coverage.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.steppe.coverage.Coverage;
import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.steppe.web.CityBounds;
import io.steppe.web.ConsoleSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The coverage endpoints on a fresh database behind a real HTTP listener on a free loopback port. */
final class CoverageServer implements AutoCloseable {

    /** The tests' now: 16:00 in Ulanqab. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);

    final Database db;
    private final ApplicationContext context;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    CoverageServer(Path home) {
        this(home, null);
    }

    /** With the console's settings as {@code steppe serve} has them: Ulanqab's zone, the test's clock, {@code city}. */
    CoverageServer(Path home, CityBounds city) {
        db = TestDatabases.freshMigrated(home);
        Coverage coverage = new Coverage(db, CoverageConfig.defaults().withZone(ZoneOffset.UTC), H3Grid.load(),
                CLOCK, home.resolve("reports"));
        context = ApplicationContext.builder().deduceEnvironment(false).banner(false)
                .properties(Map.of("micronaut.server.host", "127.0.0.1", "micronaut.server.port", -1))
                .singletons(city == null ? new Object[] {coverage} : new Object[] {coverage, new ConsoleSettings(ConsoleSettings.CITY_ZONE, CLOCK, city)})
                .start();
        base = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort());
    }

    /** GET with headers given as name, value, name, value… */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
        db.close();
    }
}
