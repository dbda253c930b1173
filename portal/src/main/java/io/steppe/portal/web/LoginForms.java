package io.steppe.portal.web;

import static io.steppe.portal.web.PortalResponses.html;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.steppe.db.Database;
import io.steppe.db.keys.SecretKeys;
import io.steppe.portal.PortalSettings;
import io.steppe.portal.login.CredentialIssuer;
import io.steppe.portal.login.LoginCredential;
import io.steppe.portal.sms.SmsLogin;
import io.steppe.portal.uam.AnsweredChallenges;
import io.steppe.portal.uam.Gateway;
import io.steppe.portal.uam.GatewayDirectory;
import io.steppe.portal.uam.RedirectCheck;
import io.steppe.portal.uam.UamLogon;
import io.steppe.portal.uam.UamRedirect;
import io.steppe.portal.uam.UserUrl;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every login form of the portal shares: the gateway's redirect fields carried back and checked
 * (CSRF, and {@link RedirectCheck#destination} again), the gateway found again, the login page itself (with the
 * SMS form only where SMS can be sent), and the browser sent to the gateway's /logon with a one-time credential,
 * once per challenge. One instance, so that a form issued by one controller is accepted by another.
 */
@Singleton
final class LoginForms {

    private final GatewayDirectory gateways;
    private final CredentialIssuer credentials;
    private final AnsweredChallenges answered;
    private final PortalSettings settings;
    private final boolean smsOffered;
    private final Csrf csrf;

    LoginForms(Database database, SecretKeys keys, Clock clock, PortalSettings settings, @Nullable SmsLogin sms) {
        SecureRandom random = new SecureRandom();
        this.gateways = new GatewayDirectory(database.dsl(), keys, clock);
        this.credentials = new CredentialIssuer(database.dsl(), keys, clock, random);
        this.answered = new AnsweredChallenges(database.dsl(), clock);
        this.settings = settings;
        this.smsOffered = sms != null;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.csrf = new Csrf(key);
    }

    GatewayDirectory gateways() {
        return gateways;
    }

    AnsweredChallenges answered() {
        return answered;
    }

    PortalSettings settings() {
        return settings;
    }

    /** A login form posted back: its redirect fields checked, its gateway found, or the page that says why not. */
    record Posted(Messages m, PortalPages pages, UamRedirect redirect, Gateway gateway, Optional<HttpResponse<String>> refusal) {
    }

    Posted posted(Map<String, String> form, HttpRequest<?> request, boolean termsRequired) {
        Messages m = messages(request, form.get("lang"));
        PortalPages pages = new PortalPages(m);
        UamRedirect redirect;
        try {
            Map<String, String> fields = new HashMap<>(form);
            fields.put("res", "notyet");
            redirect = UamRedirect.parse(fields);
        } catch (IllegalArgumentException e) {
            return new Posted(m, pages, null, null, Optional.of(html(HttpStatus.BAD_REQUEST, pages.message(m.get("error.title"),
                    Optional.of(m.get("error.bad_request", e.getMessage())), Optional.empty()), "")));
        }
        if (!csrf.valid(form.get("csrf"), csrfFields(redirect))) {
            return new Posted(m, pages, redirect, null, Optional.of(html(HttpStatus.FORBIDDEN,
                    pages.message(m.get("error.title"), Optional.of(m.get("error.csrf")), Optional.empty()), "")));
        }
        Optional<Gateway> gateway = gateways.find(redirect.nasId(), remote(request));
        if (gateway.isEmpty()) {
            return new Posted(m, pages, redirect, null, Optional.of(html(HttpStatus.FORBIDDEN, pages.message(m.get("error.title"),
                    Optional.of(m.get("error.unknown_gateway")), Optional.empty()), "")));
        }
        Optional<RedirectCheck.Refusal> untrusted = RedirectCheck.destination(gateway.get(), redirect);
        if (untrusted.isPresent()) {
            return new Posted(m, pages, redirect, gateway.get(), Optional.of(refused(m, pages, untrusted.get())));
        }
        if (termsRequired && !"yes".equals(form.get("terms"))) {
            return new Posted(m, pages, redirect, gateway.get(), Optional.of(loginAgain(HttpStatus.BAD_REQUEST, m, pages, redirect,
                    m.get("error.terms"), request)));
        }
        return new Posted(m, pages, redirect, gateway.get(), Optional.empty());
    }

    HttpResponse<String> loginAgain(HttpStatus status, Messages m, PortalPages pages, UamRedirect redirect, String error,
                                            HttpRequest<?> request) {
        return loginPage(status, pages, redirect, "uamip=" + redirect.uamIp() + "&uamport=" + redirect.uamPort(), Optional.of(error));
    }

    /** The login page for a checked redirect; {@code query} is what the language links carry. */
    HttpResponse<String> loginPage(HttpStatus status, PortalPages pages, UamRedirect redirect, String query, Optional<String> error) {
        return html(status, pages.login(redirect, query, csrfFor(redirect), error, settings.publicUrl().toString(), smsOffered),
                gatewayOrigin(redirect));
    }

    /** The page that says why a redirect is not acted on. */
    static HttpResponse<String> refused(Messages m, PortalPages pages, RedirectCheck.Refusal why) {
        String key = switch (why) {
            case UNSIGNED, FORGED -> "error.forged";
            case FOREIGN_UAMIP -> "error.foreign_gateway";
            case NOT_SET_UP -> "error.gateway_not_set_up";
            case CHALLENGE -> "error.challenge";
        };
        return html(HttpStatus.FORBIDDEN, pages.message(m.get("error.title"), Optional.of(m.get(key)), Optional.empty()), "");
    }

    /** Sends the browser to the gateway's /logon with a fresh one-time credential for {@code subscriber}. */
    HttpResponse<String> logon(Posted p, long subscriber, HttpRequest<?> request) {
        return logon(p, () -> credentials.issue(subscriber, p.redirect().clientMac().orElseThrow()), request);
    }

    /** Sends the browser to the gateway's /logon with {@code credential}, issued with the login it ends. */
    HttpResponse<String> logon(Posted p, LoginCredential credential, HttpRequest<?> request) {
        return logon(p, () -> credential, request);
    }

    /**
     * Answers the redirect's challenge, unless it was answered before (on any node): then the login link was replayed
     * and nothing is sent. A credential already issued for it is never used and expires in two minutes.
     */
    private HttpResponse<String> logon(Posted p, Supplier<LoginCredential> issue, HttpRequest<?> request) {
        if (!answered.answer(p.gateway().name(), p.redirect().challenge().orElseThrow())) {
            return refused(p.m(), p.pages(), RedirectCheck.Refusal.CHALLENGE);
        }
        LoginCredential credential = issue.get();
        String logon = UamLogon.url(p.redirect(), credential.username(), credential.password(), p.gateway().uamSecret(),
                p.gateway().chap(), UserUrl.safe(p.redirect().userUrl(), host(request)));
        return HttpResponse.<String>seeOther(URI.create(logon)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "same-origin");
    }

    String csrfFor(UamRedirect redirect) {
        return csrf.token(csrfFields(redirect));
    }

    /** Every field the form carries back that decides where the login goes or whom it is for. */
    static String[] csrfFields(UamRedirect redirect) {
        return new String[] {redirect.uamIp(), Integer.toString(redirect.uamPort()), redirect.challengeHex(),
                redirect.clientMac().map(Object::toString).orElse(""), redirect.nasId().orElse(""), redirect.userUrl().orElse("")};
    }

    static String gatewayOrigin(UamRedirect redirect) {
        return "http://" + (redirect.uamIp().contains(":") ? "[" + redirect.uamIp() + "]" : redirect.uamIp()) + ":" + redirect.uamPort();
    }

    static Messages messages(HttpRequest<?> request, @Nullable String lang) {
        return Messages.choose(Optional.ofNullable(lang), request.getHeaders().findFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Map<String, String> query(HttpRequest<?> request) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return query;
    }

    static String withoutLang(String rawQuery) {
        return rawQuery.replaceAll("(^|&)lang=[^&]*", "").replaceFirst("^&", "");
    }

    static java.net.InetAddress remote(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress();
    }

    /**
     * The URL the browser asked for, as the gateway wrote it into the redirect (whose {@code md} covers it): only
     * checked, never shown or linked, since its Host is the client's to choose.
     */
    static String requestedUrl(HttpRequest<?> request) {
        return "http://" + request.getHeaders().findFirst(HttpHeaders.HOST).orElse("localhost") + request.getPath();
    }

    static String host(HttpRequest<?> request) {
        String host = request.getHeaders().findFirst(HttpHeaders.HOST).orElse("localhost");
        return host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.split(":")[0];
    }
}
