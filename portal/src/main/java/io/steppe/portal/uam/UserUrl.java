package io.steppe.portal.uam;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the user was going ({@code userurl}), accepted only as a plain http(s) link to somewhere other than
 * the portal: never {@code javascript:} or {@code data:}, never the portal itself (a loop), never used to
 * redirect without the user clicking.
 */
public final class UserUrl {

    private UserUrl() {
    }

    /** The URL if it is safe to show as a link. */
    public static Optional<String> safe(Optional<String> candidate, String portalHost) {
        return candidate.flatMap(text -> {
            if (text.length() > UamRedirect.MAX_VALUE) {
                return Optional.empty();
            }
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    return Optional.empty();
                }
                String host = uri.getHost().toLowerCase(Locale.ROOT);
                if (host.equals(portalHost.toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
                return Optional.of(uri.toASCIIString());
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        });
    }
}
