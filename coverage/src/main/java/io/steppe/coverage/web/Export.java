package io.steppe.coverage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The two formats the coverage lists are exported in, chosen by {@code ?format=} or else by {@code Accept}, and the
 * download's file name: what it is, whose, and when in the city's zone ({@code steppe-gaps-46000-20261126-1600.csv}),
 * so that a planner's downloads sort by date and never overwrite one another.
 */
enum Export {
    // RFC 7946 fixes GeoJSON's encoding to UTF-8 and defines no charset parameter; CSV's must be said
    GEOJSON("geojson", CoverageController.GEOJSON, CoverageController.GEOJSON), CSV("csv", "text/csv", "text/csv;charset=utf-8");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);

    private final String extension;
    private final String mediaType;
    private final String contentType;

    Export(String extension, String mediaType, String contentType) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.contentType = contentType;
    }

    /**
     * The format {@code format} names, else CSV when the caller accepts CSV and not GeoJSON, else GeoJSON.
     *
     * @throws BadCoverageRequest when {@code format} is neither
     */
    static Export of(@Nullable String format, HttpRequest<?> request) {
        if (format != null) {
            for (Export e : values()) {
                if (e.extension.equals(format.trim().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw BadCoverageRequest.worded("coverage.api.format", format);
        }
        boolean csv = false;
        boolean geoJson = false;
        for (MediaType accepted : request.accept()) {
            csv |= accepted.getName().equals(CSV.mediaType);
            geoJson |= accepted.getName().equals(GEOJSON.mediaType) || accepted.getName().equals(MediaType.APPLICATION_JSON);
        }
        return csv && !geoJson ? CSV : GEOJSON;
    }

    /** {@code body} as this format's download, named for {@code what}, {@code operator} (every one when empty) and {@code at}. */
    HttpResponse<byte[]> download(byte[] body, String what, Optional<String> operator, Instant at, ZoneId zone) {
        String name = "steppe-" + what + "-" + operator.orElse("every") + "-" + STAMP.format(at.atZone(zone)) + "." + extension;
        return HttpResponse.ok(body).contentType(contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }
}
