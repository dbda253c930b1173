package io.steppe.portal.web;

import static io.steppe.portal.web.PortalResponses.html;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.steppe.db.Database;
import io.steppe.db.keys.SecretKeys;
import io.steppe.portal.PortalMetrics;
import io.steppe.portal.PortalSettings;
import io.steppe.portal.login.CredentialIssuer;
import io.steppe.portal.login.LoginCredential;
import io.steppe.portal.session.ClientSessions;
import io.steppe.portal.sms.SmsLogin;
import io.steppe.portal.ac.AcRedirect;
import io.steppe.portal.ac.AccessController;
import io.steppe.portal.ac.AccessControllerDirectory;
import io.steppe.portal.ac.AccessControllers;
import io.steppe.portal.ac.PortalServer;
import io.steppe.portal.uam.AnsweredChallenges;
import io.steppe.portal.uam.GatewayDirectory;
import io.steppe.portal.uam.RedirectCheck;
import io.steppe.portal.uam.UamLogon;
import io.steppe.portal.uam.UamRedirect;
import io.steppe.portal.uam.UserUrl;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What every login form of the portal shares: the gateway's redirect fields carried back and checked
 * (CSRF, and {@link RedirectCheck#destination} again), the gateway found again, the login page itself (with the
 * SMS form only where SMS can be sent), and the browser sent to the gateway's /logon with a one-time credential,
 * once per challenge. One instance, so that a form issued by one controller is accepted by another.
 */
@Singleton
final class LoginForms {

    /** Longer than the Portal protocol's three tries of 3 s at each of its two steps would take on a live AC. */
    private static final java.time.Duration AC_LOGIN_WAIT = java.time.Duration.ofSeconds(20);

    private final GatewayDirectory gateways;
    private final CredentialIssuer credentials;
    private final AnsweredChallenges answered;
    private final PortalSettings settings;
    private final boolean smsOffered;
    private final Csrf csrf;
    private final AccessControllerDirectory controllers;
    /** Null where the Portal protocol's socket is not running (a portal without ACs in tests). */
    private final PortalServer portalProtocol;

    private final OnlineStatus online;
    private final SecureHop hop;
    private final PortalMetrics metrics;

    LoginForms(Database database, SecretKeys keys, Clock clock, PortalSettings settings, @Nullable SmsLogin sms,
               @Nullable PortalServer portalProtocol, OnlineStatus online, @Nullable PortalMetrics metrics) {
        this.online = online;
        this.metrics = metrics == null ? PortalMetrics.NONE : metrics;
        SecureRandom random = new SecureRandom();
        this.gateways = new GatewayDirectory(database.dsl(), keys, clock);
        this.controllers = new AccessControllerDirectory(new AccessControllers(database.dsl(), keys), clock);
        this.portalProtocol = portalProtocol;
        this.credentials = new CredentialIssuer(database.dsl(), keys, clock, random);
        this.answered = new AnsweredChallenges(database.dsl(), clock);
        this.settings = settings;
        this.smsOffered = sms != null;
        this.csrf = new Csrf(keys.portalKey("form"));
        this.hop = new SecureHop(settings, keys.portalKey("secure-hop"));
    }

    SecureHop hop() {
        return hop;
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

    PortalMetrics metrics() {
        return metrics;
    }

    /** A login form posted back: its redirect fields checked, its gateway found, or the page that says why not. */
    record Posted(Messages m, PortalPages pages, Arrival arrival, LoginPage.Typed typed, Optional<HttpResponse<String>> refusal) {

        Posted refusing(HttpResponse<String> why) {
            return new Posted(m, pages, arrival, typed, Optional.of(why));
        }
    }

    Posted posted(Map<String, String> form, HttpRequest<?> request, boolean termsRequired) {
        Messages m = messages(request, form.get("lang"));
        PortalPages pages = new PortalPages(m);
        Posted p = new Posted(m, pages, null, LoginPage.Typed.of(form), Optional.empty());
        Map<String, String> fields = new HashMap<>(form);
        fields.put("res", "notyet");
        Arrival arrival;
        try {
            Optional<Arrival> found = AcRedirect.isAcRedirect(fields) ? ac(AcRedirect.parse(fields), remote(request))
                    : uam(UamRedirect.parse(fields), remote(request));
            if (found.isEmpty()) {
                return p.refusing(unknownGateway(m, pages));
            }
            arrival = found.get();
        } catch (IllegalArgumentException e) {
            return p.refusing(badRequest(m, pages, e));
        }
        p = new Posted(m, pages, arrival, p.typed(), Optional.empty());
        if (!csrf.valid(form.get("csrf"), arrival.csrfFields())) {
            return p.refusing(html(HttpStatus.FORBIDDEN,
                    pages.message(m.get("error.title"), Optional.of(m.get("error.csrf")), Optional.empty()), ""));
        }
        if (arrival instanceof Arrival.Uam uam) {
            Optional<RedirectCheck.Refusal> untrusted = RedirectCheck.destination(uam.gateway(), uam.redirect());
            if (untrusted.isPresent()) {
                return p.refusing(refused(m, pages, untrusted.get()));
            }
        }
        if (termsRequired && !"yes".equals(form.get("terms"))) {
            return p.refusing(loginAgain(HttpStatus.BAD_REQUEST, p, m.get("error.terms")));
        }
        return p;
    }

    /** The UAM gateway of a redirect, by the {@code nasid} it names or the address it came from. */
    Optional<Arrival> uam(UamRedirect redirect, InetAddress peer) {
        return gateways.find(redirect.nasId(), peer).map(g -> new Arrival.Uam(redirect, g));
    }

    /**
     * The AC of a redirect, which must be registered for the Portal protocol under the name it gives, at the address
     * it gives, or both. The page must come from the user the AC names, or from the AC itself (its NAT): so no one
     * asks an AC to log on an address that is not theirs.
     */
    Optional<Arrival> ac(AcRedirect redirect, InetAddress peer) {
        Optional<AccessController> byName = redirect.acName().flatMap(controllers::named);
        Optional<AccessController> byAddress = redirect.acIp().flatMap(controllers::at);
        Optional<AccessController> controller = redirect.acName().isPresent() && redirect.acIp().isPresent()
                ? byName.filter(c -> byAddress.map(a -> a.name().equals(c.name())).orElse(false))
                : byName.or(() -> byAddress);
        return controller.filter(c -> peer.equals(redirect.userIp()) || peer.equals(c.portal().getAddress()))
                .map(c -> new Arrival.Ac(redirect, c));
    }

    /** The page for a redirect whose parameter {@code e} names is missing or wrong. */
    static MutableHttpResponse<String> badRequest(Messages m, PortalPages pages, IllegalArgumentException e) {
        return html(HttpStatus.BAD_REQUEST, pages.message(m.get("error.title"), Optional.of(m.get("error.bad_request", e.getMessage())),
                Optional.empty()), "");
    }

    static MutableHttpResponse<String> unknownGateway(Messages m, PortalPages pages) {
        return html(HttpStatus.FORBIDDEN, pages.message(m.get("error.title"), Optional.of(m.get("error.unknown_gateway")), Optional.empty()), "");
    }

    /** The login page again after a refused form, saying why, with what was typed filled in again. */
    MutableHttpResponse<String> loginAgain(HttpStatus status, Posted p, String error) {
        return loginPage(status, p.pages(), p.arrival(), p.arrival().query(), Optional.of(error), p.typed());
    }

    /** The login page for a checked redirect; {@code query} is what the language links carry. */
    MutableHttpResponse<String> loginPage(HttpStatus status, PortalPages pages, Arrival arrival, String query, Optional<String> error,
                                          LoginPage.Typed typed) {
        return html(status, pages.login(arrival, query, csrfFor(arrival), error, settings, smsOffered, typed), formTargets(arrival));
    }

    /** Where a login form's submission may lead: the gateway, and back to the portal from there (see {@link SecureHop#returns}). */
    String formTargets(Arrival arrival) {
        String gateway = arrival.gatewayOrigin();
        return gateway.isEmpty() ? gateway : gateway + hop.returns().map(r -> " " + r).orElse("");
    }

    /** The page that says why a redirect is not acted on. */
    static MutableHttpResponse<String> refused(Messages m, PortalPages pages, RedirectCheck.Refusal why) {
        String key = switch (why) {
            case UNSIGNED, FORGED -> "error.forged";
            case FOREIGN_UAMIP -> "error.foreign_gateway";
            case NOT_SET_UP -> "error.gateway_not_set_up";
            case CHALLENGE -> "error.challenge";
        };
        return html(HttpStatus.FORBIDDEN, pages.message(m.get("error.title"), Optional.of(m.get(key)), Optional.empty()), "");
    }

    /** Logs the client on with a fresh one-time credential for {@code subscriber}: see {@link #logon(Posted, LoginCredential, HttpRequest)}. */
    HttpResponse<String> logon(Posted p, long subscriber, HttpRequest<?> request) {
        return logon(p, () -> credentials.issue(subscriber, p.arrival().clientMac()), request);
    }

    /**
     * Logs the client on with {@code credential}, issued with the login it ends: a UAM gateway's client is sent to the
     * gateway's /logon with it, an AC's is logged on through the AC and shown the outcome.
     */
    HttpResponse<String> logon(Posted p, LoginCredential credential, HttpRequest<?> request) {
        return logon(p, () -> credential, request);
    }

    private HttpResponse<String> logon(Posted p, Supplier<LoginCredential> issue, HttpRequest<?> request) {
        return p.arrival() instanceof Arrival.Uam uam ? uamLogon(p, uam, issue, request)
                : acLogon(p, (Arrival.Ac) p.arrival(), issue.get(), request);
    }

    /**
     * Answers the redirect's challenge, unless it was answered before (on any node): then the login link was replayed
     * and nothing is sent. A credential already issued for it is never used and expires in two minutes.
     */
    private HttpResponse<String> uamLogon(Posted p, Arrival.Uam uam, Supplier<LoginCredential> issue, HttpRequest<?> request) {
        if (!answered.answer(uam.gateway().name(), uam.redirect().challenge().orElseThrow())) {
            return refused(p.m(), p.pages(), RedirectCheck.Refusal.CHALLENGE);
        }
        LoginCredential credential = issue.get();
        String logon = UamLogon.url(uam.redirect(), credential.username(), credential.password(), uam.gateway().uamSecret(),
                uam.gateway().chap(), UserUrl.safe(uam.redirect().userUrl(), host(request)));
        return HttpResponse.<String>seeOther(URI.create(logon)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "same-origin");
    }

    /**
     * Asks the AC to log the user on with the credential (CHAP, so the password never crosses the network); the AC
     * asks the RADIUS server, and only its ACK_AUTH says the user is online. Each of its refusals has its own words.
     */
    private HttpResponse<String> acLogon(Posted p, Arrival.Ac ac, LoginCredential credential, HttpRequest<?> request) {
        if (portalProtocol == null) {
            return loginAgain(HttpStatus.SERVICE_UNAVAILABLE, p, p.m().get("error.ac.failed"));
        }
        PortalServer.Result result;
        try {
            result = portalProtocol.login(ac.controller(), ac.redirect().userIp(), credential.username(), credential.password(), true)
                    .get(AC_LOGIN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new PortalServer.Result(PortalServer.Outcome.TIMEOUT, Optional.empty());
        } catch (ExecutionException | TimeoutException e) {
            result = new PortalServer.Result(PortalServer.Outcome.TIMEOUT, Optional.empty());
        }
        Optional<String> userUrl = UserUrl.safe(ac.userUrl(), host(request));
        Optional<String[]> onward = userUrl.map(u -> new String[] {p.m().get("success.continue") + " " + u, u});
        PortalServer.Outcome outcome = result.outcome();
        return switch (outcome) {
            case SUCCESS, ALREADY_ONLINE -> online.page(p.pages(), ClientSessions.Device.on(ac.gatewayName(), ac.clientMac(), remote(request)),
                            Optional.empty(), onward, remote(request))
                    // The AC's accounting may not have arrived yet: the status page is a link away.
                    .orElseGet(() -> html(HttpStatus.OK, p.pages().message(p.m().get(outcome == PortalServer.Outcome.SUCCESS
                            ? "success.title" : "already.title"), Optional.empty(),
                            onward.or(() -> Optional.of(new String[] {p.m().get("status.link"), "/status?lang=" + p.m().language()}))), ""));
            case REJECTED -> loginAgain(HttpStatus.FORBIDDEN, p, p.m().get("error.ac.rejected"));
            case BUSY -> loginAgain(HttpStatus.CONFLICT, p, p.m().get("error.ac.busy"));
            case FAILED -> loginAgain(HttpStatus.BAD_GATEWAY, p, p.m().get("error.ac.failed"));
            case TIMEOUT -> loginAgain(HttpStatus.GATEWAY_TIMEOUT, p, p.m().get("error.ac.timeout"));
        };
    }

    String csrfFor(Arrival arrival) {
        return csrf.token(arrival.csrfFields());
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

    static InetAddress remote(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress();
    }

    /**
     * The URL the browser asked for, as the gateway wrote it into the redirect (whose {@code md} covers it): only
     * checked, never shown or linked, since its Host is the client's to choose.
     */
    static String requestedUrl(HttpRequest<?> request) {
        return (request.isSecure() ? "https://" : "http://") + request.getHeaders().findFirst(HttpHeaders.HOST).orElse("localhost")
                + request.getPath();
    }

    static String host(HttpRequest<?> request) {
        String host = request.getHeaders().findFirst(HttpHeaders.HOST).orElse("localhost");
        return host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.split(":")[0];
    }
}
