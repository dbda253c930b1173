package io.steppe.portal.web;

import io.steppe.portal.PortalSettings;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.web.Templates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's pages in one visitor's language: the models its templates ({@code src/main/jte}) are rendered from.
 * The pages are mobile first, readable at 320 px, without script, external font, image or stylesheet (the client is
 * not online yet), every label tied to its field; their one stylesheet is inline, allowed by {@link #STYLE_HASH}.
 */
final class PortalPages {

    private static final Templates TEMPLATES = new Templates("io.steppe.portal.jte");
    /** The inline stylesheet's hash for the Content-Security-Policy, taken from the template that writes it. */
    static final String STYLE_HASH = "'sha256-" + sha256(inside("style", TEMPLATES.render("style.jte", Map.of()))) + "'";

    private final Messages m;

    PortalPages(Messages messages) {
        this.m = messages;
    }

    /**
     * The login form for a client the gateway sent; hidden fields carry the redirect's. {@code query} is what the
     * language links carry, {@code settings} the portal's URL (WISPr's LoginURL) and the allowance the terms state,
     * {@code sms} whether an SMS sender is configured, {@code typed} what the visitor typed before an error.
     */
    String login(Arrival arrival, String query, String csrf, Optional<String> error, PortalSettings settings, boolean sms,
                 LoginPage.Typed typed) {
        LoginPage page = new LoginPage(languages(query), fields(arrival, csrf), error.orElse(null), sms,
                wispr(arrival, settings.publicUrl().toString()), typed,
                m.get("terms.sms", settings.dailyMinutes(), settings.dailyMegabytes()), m.get("terms.voucher", settings.dailyMegabytes()));
        return TEMPLATES.render("login.jte", Map.of("m", m, "page", page));
    }

    /**
     * After a code was sent: the field for it, the number carried along, the language switch (forms, since the number
     * must not travel in a link), "change number" and "send again" with {@code resend}, which says how long that waits.
     */
    String code(Arrival arrival, String csrf, PhoneNumber phone, Optional<String> error, String resend) {
        Map<String, Object> parameters = new HashMap<>(Map.of("m", m, "fields", fields(arrival, csrf), "phone", phone.e164(),
                "maskedPhone", phone.masked(), "languages", languages(""), "resend", resend));
        parameters.put("error", error.orElse(null));
        return TEMPLATES.render("code.jte", parameters);
    }

    /**
     * What an online client has left, a link to where it was going and the button that ends the session: a form to the
     * gateway's {@code logoff} URL, else one posting to {@code /logout} with {@code csrf}.
     */
    String status(long seconds, long octets, String logoff, String csrf, Optional<String[]> onward) {
        Map<String, Object> parameters = new HashMap<>(Map.of("m", m, "time", m.get("status.time", seconds / 60),
                "data", m.get("status.data", octets / (1024 * 1024))));
        parameters.put("logoff", logoff);
        parameters.put("csrf", csrf);
        onward.ifPresent(l -> {
            parameters.put("linkText", l[0]);
            parameters.put("linkHref", l[1]);
        });
        return TEMPLATES.render("status.jte", parameters);
    }

    /** A page with a heading, a message and, perhaps, a link onward ({@code link} is its text and its address). */
    String message(String title, Optional<String> text, Optional<String[]> link) {
        Map<String, Object> parameters = new HashMap<>(Map.of("m", m, "title", title));
        text.ifPresent(t -> parameters.put("text", t));
        link.ifPresent(l -> {
            parameters.put("linkText", l[0]);
            parameters.put("linkHref", l[1]);
        });
        return TEMPLATES.render("message.jte", parameters);
    }

    private LoginPage.Fields fields(Arrival arrival, String csrf) {
        return new LoginPage.Fields(arrival.fields(), m.language(), csrf);
    }

    /** WISPr for smart clients; only a UAM gateway has an abort URL of its own. */
    private @io.micronaut.core.annotation.Nullable LoginPage.Wispr wispr(Arrival arrival, String portalUrl) {
        return arrival instanceof Arrival.Uam uam ? new LoginPage.Wispr(uam.redirect().nasId().orElse(""), m.get("title"), portalUrl,
                LoginForms.gatewayOrigin(uam.redirect()) + "/abort") : null;
    }

    /** Each language links to this page again in it, the redirect's query kept. */
    private List<LoginPage.Language> languages(String query) {
        String base = query.replaceAll("(^|&)lang=[^&]*", "");
        List<LoginPage.Language> languages = new ArrayList<>();
        for (String language : Messages.LANGUAGES) {
            languages.add(new LoginPage.Language(language, Messages.NAMES.get(language),
                    language.equals(m.language()) ? null : "/?" + (base.isEmpty() ? "" : base + "&") + "lang=" + language));
        }
        return languages;
    }

    /** What the element {@code tag}, the whole of {@code html}, holds: what a browser hashes. */
    private static String inside(String tag, String html) {
        return html.substring(html.indexOf('>') + 1, html.lastIndexOf("</" + tag + ">"));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
