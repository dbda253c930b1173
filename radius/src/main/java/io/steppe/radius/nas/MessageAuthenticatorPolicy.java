package io.steppe.radius.nas;

import java.util.Locale;

/**
 * Whether a gateway's packets must carry Message-Authenticator, the BlastRADIUS (CVE-2024-3596) defence,
 * with FreeRADIUS 3.2.5's values for {@code require_message_authenticator} and {@code limit_proxy_state}.
 */
public enum MessageAuthenticatorPolicy {
    /** Always required. */
    YES,
    /** Never required (for old gateways that cannot send it). */
    NO,
    /** Required once the gateway has sent one. */
    AUTO;

    public static MessageAuthenticatorPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not one of yes, no, auto");
        }
    }

    /** The value as stored and as FreeRADIUS writes it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
