package io.steppe.ops.tls;

import io.micronaut.http.ssl.CertificateProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.steppe.ops.SteppeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Sinks;

/**
 * The HTTPS listeners' certificate, as Micronaut's {@link CertificateProvider}: every listener with this provider's
 * {@link #NAME} as its key name builds the TLS context for new connections from the latest key store published here.
 * The two files are looked at every few seconds (their size, modification time and file, so a renamed-in or re-linked
 * file counts as well as one written in place); a changed pair is loaded and checked like the first, and only a good
 * one replaces what is served. A bad one, or a certificate written before its key, is logged and the loaded pair kept.
 */
public final class CertificateReloader implements CertificateProvider, AutoCloseable {

    /** The key name the listeners are configured with. */
    public static final String NAME = "steppe-tls";

    private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

    private final SteppeConfig.TlsFiles files;
    private final Sinks.Many<KeyStore> stores = Sinks.many().replay().latest();
    private final ScheduledExecutorService timer;
    private volatile ServerCertificate current;
    /** What the files looked like when last loaded or tried; only the timer's thread reads or writes it after start. */
    private Stamp tried;

    private CertificateReloader(SteppeConfig.TlsFiles files, ServerCertificate first, Stamp stamp) {
        this.files = files;
        this.current = first;
        this.tried = stamp;
        stores.tryEmitNext(first.keyStore()).orThrow();
        this.timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("steppe-tls-reload", true));
    }

    /**
     * Loads the pair and starts watching it.
     *
     * @throws IllegalArgumentException naming the key and file that are wrong
     */
    public static CertificateReloader start(SteppeConfig.TlsFiles files, Duration every) {
        Stamp stamp = Stamp.of(files);
        CertificateReloader reloader = new CertificateReloader(files, ServerCertificate.load(files), stamp);
        reloader.timer.scheduleWithFixedDelay(reloader::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return reloader;
    }

    /** The pair new connections are served. */
    public ServerCertificate current() {
        return current;
    }

    /** Loads the files if they changed since last looked at; the timer calls it, a test may too. */
    void check() {
        Stamp now = Stamp.of(files);
        if (now.equals(tried)) {
            return;
        }
        tried = now;
        try {
            ServerCertificate next = ServerCertificate.load(files);
            stores.tryEmitNext(next.keyStore()).orThrow();
            current = next;
            LOG.info("tls: new connections get the certificate from {} now: {}", files.certificate(), next);
        } catch (IllegalArgumentException e) {
            LOG.warn("tls: {}; new connections keep getting {}", e.getMessage(), current);
        } catch (RuntimeException e) {
            LOG.error("tls: cannot load the changed certificate; new connections keep getting {}", current, e);
        }
    }

    @Override
    public Publisher<KeyStore> getKeyStore() {
        return stores.asFlux();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** What a file looked like: a replaced one differs in at least one of these. */
    private record Stamp(Object certificate, Object key) {

        static Stamp of(SteppeConfig.TlsFiles files) {
            return new Stamp(look(files.certificate()), look(files.privateKey()));
        }

        private static Object look(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return java.util.List.of(a.lastModifiedTime(), a.size(), Objects.requireNonNullElse(a.fileKey(), ""));
            } catch (IOException e) {
                return "unreadable: " + e.getMessage();
            }
        }
    }
}
