package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What {@code /console/sessions} shows: how many are online on each gateway and AP, the filter, and the sessions
 * themselves (the part the page refreshes in place).
 *
 * @param query the filter as a query string ({@code gateway=…&ap=…}), for the refresh and download links
 * @param csrf  the session's anti-forgery token for the disconnect buttons
 */
public record SessionsPage(int total, List<OpenSessions.Count> gateways, List<OpenSessions.Count> aps, @Nullable String gateway,
                           @Nullable String ap, String query, Rows rows) {

    /** At most this many APs are listed in the summary; the filter reaches the others. */
    static final int APS_LISTED = 20;

    /** The table: the sessions as the account may see them, whether it may disconnect them, and how many are left out. */
    public record Rows(List<OpenSessions.Session> sessions, boolean truncated, String csrf) {
    }

    static SessionsPage of(List<OpenSessions.Count> gateways, List<OpenSessions.Count> aps, OpenSessions.Filter filter, Rows rows) {
        StringBuilder query = new StringBuilder();
        filter.gateway().ifPresent(g -> query.append("gateway=").append(URLEncoder.encode(g, StandardCharsets.UTF_8)));
        filter.ap().ifPresent(a -> query.append(query.length() > 0 ? "&" : "").append("ap=").append(URLEncoder.encode(a, StandardCharsets.UTF_8)));
        return new SessionsPage(gateways.stream().mapToInt(OpenSessions.Count::sessions).sum(), gateways,
                aps.subList(0, Math.min(aps.size(), APS_LISTED)), filter.gateway().orElse(null), filter.ap().orElse(null), query.toString(), rows);
    }

    /** A link to this page's URL {@code base} with the filter. */
    public String withFilter(String base, String more) {
        String q = query.isEmpty() ? more : more.isEmpty() ? query : query + "&" + more;
        return q.isEmpty() ? base : base + "?" + q;
    }
}
