package io.steppe.portal.web;

import io.steppe.portal.uam.UamRedirect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The portal's HTML: mobile first, readable at 320 px, no script, no external font, image or stylesheet (the
 * client is not online yet), every label tied to its field. The one stylesheet is inline and allowed by
 * its hash in the Content-Security-Policy.
 */
final class PortalPages {

    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;background:#f6f4ef;color:#1b1b1b}"
            + "main{max-width:30rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;margin:.5rem 0 1rem}"
            + "h2{font-size:1.1rem;margin:1.25rem 0 .5rem}label{display:block;margin:.5rem 0 .25rem}"
            + "input[type=text]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1.05rem;border:1px solid #777;border-radius:.3rem}"
            + "button{margin-top:.75rem;width:100%;padding:.7rem;font-size:1.05rem;background:#0b6e4f;color:#fff;border:0;border-radius:.3rem}"
            + ".terms{font-size:.9rem;background:#fff;padding:.6rem;border-radius:.3rem}.check{display:flex;gap:.5rem;align-items:flex-start}"
            + ".check label{margin:0}.error{color:#9b1c1c;font-weight:600}nav{font-size:.9rem;margin-bottom:.5rem}nav a{margin-right:.6rem}";
    static final String STYLE_HASH = "'sha256-" + sha256(STYLE) + "'";

    private final Messages m;

    PortalPages(Messages messages) {
        this.m = messages;
    }

    /**
     * The login form for a client the gateway sent; hidden fields carry the redirect's. {@code portalUrl} is the
     * configured one (WISPr's LoginURL), {@code sms} whether an SMS sender is configured.
     */
    String login(UamRedirect redirect, String query, String csrf, Optional<String> error, String portalUrl, boolean sms) {
        StringBuilder body = new StringBuilder();
        body.append(languageSwitch(query));
        body.append("<h1>").append(esc(m.get("welcome"))).append("</h1>");
        error.ifPresent(e -> body.append("<p class=\"error\" role=\"alert\">").append(esc(e)).append("</p>"));
        if (sms) {
            loginForm(body, redirect, csrf, "/login/sms/request", "sms.heading", "sms.phone_label", "phone",
                    "inputmode=\"tel\" autocomplete=\"tel\" required maxlength=\"20\"", "terms-sms", "sms.send");
        }
        loginForm(body, redirect, csrf, "/login/voucher", "voucher.heading", "voucher.label", "voucher",
                "autocomplete=\"off\" autocapitalize=\"characters\" required maxlength=\"32\"", "terms-voucher", "voucher.submit");
        return page(m.get("title"), body.toString(), wispr(redirect, portalUrl));
    }

    /** One way to log in: its heading, its one text field with its label, the terms and the button. */
    private void loginForm(StringBuilder body, UamRedirect redirect, String csrf, String action, String heading, String label,
                           String field, String attributes, String termsId, String submit) {
        body.append("<form method=\"post\" action=\"").append(action).append("\">");
        uamFields(body, redirect, csrf);
        body.append("<h2>").append(esc(m.get(heading))).append("</h2>")
                .append("<label for=\"").append(field).append("\">").append(esc(m.get(label))).append("</label>")
                .append("<input type=\"text\" id=\"").append(field).append("\" name=\"").append(field).append("\" ")
                .append(attributes).append(">").append(terms(termsId))
                .append("<button type=\"submit\">").append(esc(m.get(submit))).append("</button></form>");
    }

    /** After a code was sent: the field for it, the number carried along. */
    String code(UamRedirect redirect, String csrf, String phone, String maskedPhone, Optional<String> error) {
        StringBuilder body = new StringBuilder("<h1>").append(esc(m.get("sms.code_heading"))).append("</h1>");
        error.ifPresentOrElse(e -> body.append("<p class=\"error\" role=\"alert\">").append(esc(e)).append("</p>"),
                () -> body.append("<p>").append(esc(m.get("sms.sent", maskedPhone))).append("</p>"));
        body.append("<form method=\"post\" action=\"/login/sms/verify\">");
        uamFields(body, redirect, csrf);
        hidden(body, "phone", phone);
        body.append("<label for=\"code\">").append(esc(m.get("sms.code_label"))).append("</label>")
                .append("<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required maxlength=\"6\">")
                .append("<button type=\"submit\">").append(esc(m.get("sms.verify"))).append("</button></form>");
        return page(m.get("title"), body.toString(), "");
    }

    /** What an online client has left, and the button that ends the session. */
    String status(long minutes, long megabytes, String csrf) {
        StringBuilder body = new StringBuilder("<h1>").append(esc(m.get("status.title"))).append("</h1>")
                .append("<p>").append(esc(m.get("status.time", minutes))).append("</p>")
                .append("<p>").append(esc(m.get("status.data", megabytes))).append("</p>")
                .append("<form method=\"post\" action=\"/logout\">");
        hidden(body, "lang", m.language());
        hidden(body, "csrf", csrf);
        body.append("<button type=\"submit\">").append(esc(m.get("logout.submit"))).append("</button></form>");
        return page(m.get("status.title"), body.toString(), "");
    }

    private String terms(String id) {
        return "<p class=\"terms\" id=\"" + id + "-text\">" + esc(m.get("terms.text")) + "</p>"
                + "<div class=\"check\"><input type=\"checkbox\" id=\"" + id + "\" name=\"terms\" value=\"yes\" required aria-describedby=\""
                + id + "-text\"><label for=\"" + id + "\">" + esc(m.get("terms.label")) + "</label></div>";
    }

    private void uamFields(StringBuilder body, UamRedirect redirect, String csrf) {
        hidden(body, "uamip", redirect.uamIp());
        hidden(body, "uamport", Integer.toString(redirect.uamPort()));
        hidden(body, "challenge", redirect.challengeHex());
        hidden(body, "mac", redirect.clientMac().map(Object::toString).orElse(""));
        hidden(body, "nasid", redirect.nasId().orElse(""));
        hidden(body, "userurl", redirect.userUrl().orElse(""));
        hidden(body, "lang", m.language());
        hidden(body, "csrf", csrf);
    }

    /** A page with a heading, a message and, perhaps, a link onward. */
    String message(String title, Optional<String> text, Optional<String[]> link) {
        StringBuilder body = new StringBuilder("<h1>").append(esc(title)).append("</h1>");
        text.ifPresent(t -> body.append("<p>").append(esc(t)).append("</p>"));
        link.ifPresent(l -> body.append("<p><a href=\"").append(esc(l[1])).append("\">").append(esc(l[0])).append("</a></p>"));
        return page(title, body.toString(), "");
    }

    private String languageSwitch(String query) {
        StringBuilder nav = new StringBuilder("<nav aria-label=\"").append(esc(m.get("lang.label"))).append("\">");
        String base = query.replaceAll("(^|&)lang=[^&]*", "");
        for (String language : Messages.LANGUAGES) {
            if (language.equals(m.language())) {
                nav.append("<strong lang=\"").append(language).append("\">").append(Messages.NAMES.get(language)).append("</strong> ");
            } else {
                nav.append("<a lang=\"").append(language).append("\" href=\"/?").append(esc(base.isEmpty() ? "" : base + "&"))
                        .append("lang=").append(language).append("\">").append(Messages.NAMES.get(language)).append("</a>");
            }
        }
        return nav.append("</nav>").toString();
    }

    /** WISPr 1.0 for smart clients (Apple's CNA, some Android), in a comment as the Wi-Fi Alliance's BCP says. */
    private String wispr(UamRedirect redirect, String portalUrl) {
        String gateway = "http://" + (redirect.uamIp().contains(":") ? "[" + redirect.uamIp() + "]" : redirect.uamIp())
                + ":" + redirect.uamPort();
        return "<!--<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<WISPAccessGatewayParam"
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://www.acmewisp.com/WISPAccessGatewayParam.xsd\">"
                + "<Redirect><AccessProcedure>1.0</AccessProcedure><AccessLocation>" + esc(redirect.nasId().orElse(""))
                + "</AccessLocation><LocationName>" + esc(m.get("title")) + "</LocationName><LoginURL>" + esc(portalUrl)
                + "</LoginURL><AbortLoginURL>" + esc(gateway + "/abort") + "</AbortLoginURL><MessageType>100</MessageType>"
                + "<ResponseCode>0</ResponseCode></Redirect></WISPAccessGatewayParam>-->\n";
    }

    private String page(String title, String body, String head) {
        return "<!DOCTYPE html>\n" + head + "<html lang=\"" + m.language() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title) + "</title>"
                + "<style>" + STYLE + "</style></head><body><main>" + body + "</main></body></html>";
    }

    private static void hidden(StringBuilder out, String name, String value) {
        out.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value)).append("\">");
    }

    static String esc(String text) {
        return io.steppe.web.Html.escape(text);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
