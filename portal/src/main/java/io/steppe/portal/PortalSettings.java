package io.steppe.portal;

import java.net.URI;
import java.util.Locale;

/**
 * What the portal says about itself, from configuration rather than from the request: a request's {@code Host}
 * header is whatever the client wrote, so the RFC 8908 API and the WISPr login URL name this instead.
 *
 * @param publicUrl      the portal's URL as clients reach it ({@code STEPPE_PORTAL_URL}), e.g. {@code http://portal.example.cn/}
 * @param dailyMinutes   each subscriber's free daily time ({@code STEPPE_DAILY_MINUTES}), which the terms state
 * @param dailyMegabytes each subscriber's free daily data ({@code STEPPE_DAILY_MB})
 * @param secureForms    whether the login forms are served over HTTPS only, at {@code publicUrl} (then an https URL):
 *                       a redirect that arrives over plain HTTP is checked and sent on there, and no login form is
 *                       taken over plain HTTP
 */
public record PortalSettings(URI publicUrl, int dailyMinutes, int dailyMegabytes, boolean secureForms) {

    public PortalSettings {
        publicUrl = checkedUrl(publicUrl);
        if (secureForms && !"https".equalsIgnoreCase(publicUrl.getScheme())) {
            throw new IllegalArgumentException("login forms served over HTTPS need the portal's https URL, was '" + publicUrl + "'");
        }
    }

    /** A portal whose forms are served where its pages are, over plain HTTP or HTTPS alike. */
    public PortalSettings(URI publicUrl, int dailyMinutes, int dailyMegabytes) {
        this(publicUrl, dailyMinutes, dailyMegabytes, false);
    }

    /**
     * The portal's URL as given, with {@code /} for an empty path.
     *
     * @throws IllegalArgumentException unless it is {@code http(s)://HOST[:PORT]/[PATH]} without a query
     */
    public static URI checkedUrl(URI publicUrl) {
        String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || publicUrl.getHost() == null || publicUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("the portal's URL must be http(s)://HOST[:PORT]/[PATH], was '" + publicUrl + "'");
        }
        return publicUrl.getRawPath() == null || publicUrl.getRawPath().isEmpty() ? publicUrl.resolve("/") : publicUrl;
    }
}
