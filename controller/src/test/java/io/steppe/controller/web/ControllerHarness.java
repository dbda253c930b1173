package io.steppe.controller.web;

import static io.steppe.db.schema.Tables.NAS;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.steppe.controller.ControllerConfig;
import io.steppe.controller.ControllerService;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.net.MacAddress;
import io.steppe.web.CityBounds;
import io.steppe.web.ConsoleSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.postgres.extensions.types.Cidr;

/**
 * The controller on a fresh database behind a real HTTP listener on a free loopback port, with a clock the test
 * moves; evaluations run when the test calls {@link #evaluate}.
 */
public final class ControllerHarness implements AutoCloseable {

    public final Database db;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    public final ControllerService controller;
    private final ApplicationContext context;
    private final int port;
    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ControllerHarness(Path home, ControllerConfig settings) {
        this(home, settings, CityBounds.ULANQAB);
    }

    /** The same, in a city of {@code city}'s bounds (the console's maps are fitted to it), times in Asia/Shanghai. */
    public ControllerHarness(Path home, ControllerConfig settings, CityBounds city) {
        db = TestDatabases.freshMigrated(home);
        controller = new ControllerService(db.dsl(), new ApRepository(db.dsl(), new SecureRandom(), clock),
                // a real ticker: probes wait on real sockets
                settings.withEvaluateEvery(Duration.ZERO), clock, System::nanoTime).start();
        context = ApplicationContext.builder().deduceEnvironment(false).banner(false)
                // the request limits of SteppeServer, so that a large body meets what it meets in production
                .properties(Map.of("micronaut.server.host", "127.0.0.1", "micronaut.server.port", -1,
                        "micronaut.server.max-request-size", "2GB", "micronaut.server.max-request-buffer-size", "16MB"))
                .singletons(controller, new ConsoleSettings(ConsoleSettings.CITY_ZONE, clock, city)).start();
        server = context.getBean(EmbeddedServer.class).start();
        port = server.getPort();
    }

    /** Registers an AP (behind {@code gateway} if given) and returns its heartbeat token. */
    public String register(String id, int n, Optional<String> gateway) {
        return controller.aps().register(new AccessPoint(id, MacAddress.parse(String.format("02:00:5e:00:%02x:%02x", n / 256, n % 256)),
                "AP " + id, Optional.of("jining-centre"), Optional.of(new AccessPoint.Location(41.03, 113.13)), gateway, Optional.empty()), "test");
    }

    public void gateway(String name, String address) {
        try {
            db.dsl().insertInto(NAS).set(NAS.NAME, name).set(NAS.ADDRESS, Cidr.valueOf(java.net.InetAddress.getByName(address), 32))
                    .set(NAS.SECRET, "s3cret").execute();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public HttpResponse<String> heartbeat(String token, String json) {
        return send(HttpRequest.newBuilder(uri("/api/aps/heartbeat")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Sends a request's head alone, as a client that declares a body and then holds it back, and returns the status
     * line of the answer: an answer at all means the server decided without the body.
     */
    public String statusLineWithoutTheBody(String head) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (SocketTimeoutException e) {
            return "no answer without the body";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET as a browser that asks for {@code languages} ({@code zh-CN,zh} or {@code en}). */
    public HttpResponse<String> get(String path, String languages) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", languages).GET().build());
    }

    public int port() {
        return port;
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /** Stops answering HTTP, as a server that went away, while the test goes on. */
    public void stopListening() {
        server.stop();
    }

    public void evaluate() {
        controller.evaluator().inventoryChanged();
        controller.evaluator().evaluate();
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
        controller.close();
        db.close();
    }
}
