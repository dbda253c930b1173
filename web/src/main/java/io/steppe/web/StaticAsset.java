package io.steppe.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A stylesheet or script of Steppe's own, read once from the classpath (where its name is the path it is served at,
 * less the leading slash) and served as it is. Browsers keep it and ask again with its {@code ETag}, so that an
 * unchanged file costs a 304 and a changed one, after an upgrade, is never served stale.
 */
public final class StaticAsset {

    private final byte[] bytes;
    private final String contentType;
    private final String etag;

    private StaticAsset(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes)).substring(0, 22) + "\"";
    }

    /** The file served at {@code path} ({@code .css} or {@code .js}). */
    public static StaticAsset at(String path) {
        String contentType = path.endsWith(".css") ? "text/css;charset=utf-8"
                : path.endsWith(".js") ? "text/javascript;charset=utf-8" : null;
        if (contentType == null) {
            throw new IllegalArgumentException(path + " is neither a stylesheet nor a script");
        }
        try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(path.substring(1))) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new StaticAsset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file, or 304 when the browser already has this version. */
    public HttpResponse<byte[]> response(HttpRequest<?> request) {
        boolean current = request.getHeaders().findFirst(HttpHeaders.IF_NONE_MATCH).filter(v -> v.contains(etag)).isPresent();
        return (current ? HttpResponse.<byte[]>notModified() : HttpResponse.ok(bytes).contentType(contentType))
                .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
