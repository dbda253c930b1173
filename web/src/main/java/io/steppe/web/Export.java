package io.steppe.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The formats a list can be downloaded in, chosen by {@code ?format=} or else the Accept header, and the download
 * itself: a file name that says what and when ({@code steppe-sessions-20261204-2243.csv}), so that a spreadsheet
 * opened from the browser's downloads is not one more {@code sessions(3).json}.
 */
public enum Export {
    JSON("application/json", "json"),
    CSV("text/csv;charset=utf-8", "csv"),
    // RFC 7946 fixes GeoJSON's encoding to UTF-8 and defines no charset parameter; CSV's must be said
    GEOJSON("application/geo+json", "geojson");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);

    private final String mediaType;
    private final String extension;

    Export(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The format {@code format} names, else the first of {@code offered} that the request's Accept header names,
     * else {@code offered}'s first.
     *
     * @throws UnknownExport if {@code format} is given and is not one of {@code offered}
     */
    public static Export choose(@Nullable String format, HttpRequest<?> request, List<Export> offered) {
        if (format != null && !format.isBlank()) {
            for (Export e : offered) {
                if (e.extension.equals(format.trim().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new UnknownExport(format, offered);
        }
        String accept = request.getHeaders().get("Accept");
        if (accept != null) {
            for (Export e : offered) {
                if (accept.contains(e.mediaType.split(";")[0])) {
                    return e;
                }
            }
        }
        return offered.get(0);
    }

    /** {@code body} as a file named {@code steppe-<what>-<city time>.<extension>} to save. */
    public MutableHttpResponse<String> download(String body, String what, Instant at, ZoneId zone) {
        return named(HttpResponse.ok(body), what, at, zone);
    }

    /** The same for a body already encoded (in UTF-8). */
    public MutableHttpResponse<byte[]> download(byte[] body, String what, Instant at, ZoneId zone) {
        return named(HttpResponse.ok(body), what, at, zone);
    }

    private <T> MutableHttpResponse<T> named(MutableHttpResponse<T> response, String what, Instant at, ZoneId zone) {
        String name = "steppe-" + what + "-" + STAMP.format(at.atZone(zone)) + "." + extension;
        return response.contentType(mediaType).header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    /** The value {@code ?format=} takes for this format. */
    public String parameter() {
        return extension;
    }
}
