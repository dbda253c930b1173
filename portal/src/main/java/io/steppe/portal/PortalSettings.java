package io.steppe.portal;

import java.net.URI;
import java.util.Locale;

/**
 * What the portal says about itself, from configuration rather than from the request: a request's {@code Host}
 * header is whatever the client wrote, so the RFC 8908 API and the WISPr login URL name this instead.
 *
 * @param publicUrl the portal's URL as clients reach it ({@code STEPPE_PORTAL_URL}), e.g. {@code http://portal.example.cn/}
 */
public record PortalSettings(URI publicUrl) {

    public PortalSettings {
        String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || publicUrl.getHost() == null || publicUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("the portal's URL must be http(s)://HOST[:PORT]/[PATH], was '" + publicUrl + "'");
        }
        if (publicUrl.getRawPath() == null || publicUrl.getRawPath().isEmpty()) {
            publicUrl = publicUrl.resolve("/");
        }
    }
}
