package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the console in a browser's way: the session cookie, a language (Accept-Language), and the
 * anti-forgery token read from a page's form, as a browser would send it back.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Http http;
    private final int api;
    private final String token;
    private final String language;

    private ConsoleSession(Http http, int api, String token, String language) {
        this.http = http;
        this.api = api;
        this.token = token;
        this.language = language;
    }

    static ConsoleSession signIn(Http http, int api, String user, String password, String language) {
        return new ConsoleSession(http, api, http.consoleToken(api, user, password), language);
    }

    HttpResponse<String> get(String path) {
        return http.get(api, path, "Cookie", "steppe_session=" + token, "Accept-Language", language);
    }

    /** A form posted as its page sends it, with the session's token from {@code page}. */
    HttpResponse<String> post(String path, String page, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page));
        form.putAll(fields);
        return postRaw(path, form);
    }

    /** A form as given, token or not. */
    HttpResponse<String> postRaw(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.post(api, path, "application/x-www-form-urlencoded", body.toString(),
                "Cookie", "steppe_session=" + token, "Accept-Language", language);
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "a form with the session's token in " + page);
        return m.group(1);
    }

    /** The page's visible text: no tags, no attribute values. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ");
    }
}
