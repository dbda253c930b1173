package io.steppe.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.db.Database;
import io.steppe.portal.login.AttemptLimiter;
import io.steppe.portal.login.CredentialIssuer;
import io.steppe.portal.login.LoginCredential;
import io.steppe.portal.login.VoucherLogin;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.portal.sms.SmsLogin;
import io.steppe.portal.uam.Gateway;
import io.steppe.portal.uam.GatewayDirectory;
import io.steppe.portal.uam.UamChecksum;
import io.steppe.portal.uam.UamLogon;
import io.steppe.portal.uam.UamRedirect;
import io.steppe.portal.uam.UserUrl;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The captive portal's pages: where the gateway sends a new client ({@code res=notyet}) and its return visits
 * ({@code success}, {@code failed}, {@code logoff}, {@code already}), and the voucher login, which ends by
 * sending the browser to the gateway's {@code /logon} with a one-time credential.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class PortalController {

    private final GatewayDirectory gateways;
    private final VoucherLogin vouchers;
    private final CredentialIssuer credentials;
    private final Csrf csrf;
    private final SmsLogin sms;
    /** Ten wrong vouchers from one device in ten minutes, then it waits. */
    private final AttemptLimiter voucherGuesses;

    PortalController(Database database, Clock clock, SmsLogin sms) {
        this.sms = sms;
        this.voucherGuesses = new AttemptLimiter(10, java.time.Duration.ofMinutes(10), clock);
        SecureRandom random = new SecureRandom();
        this.gateways = new GatewayDirectory(database.dsl());
        this.vouchers = new VoucherLogin(database.dsl(), clock);
        this.credentials = new CredentialIssuer(database.dsl(), clock, random);
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.csrf = new Csrf(key);
    }

    @Get(produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> arrive(HttpRequest<?> request) {
        Map<String, String> query = query(request);
        Messages m = messages(request, query.get("lang"));
        PortalPages pages = new PortalPages(m);
        if (!query.containsKey("uamip")) {
            return html(HttpStatus.OK, pages.message(m.get("title"), Optional.of(m.get("error.unknown_gateway")), Optional.empty()), "");
        }
        UamRedirect redirect;
        try {
            redirect = UamRedirect.parse(query);
        } catch (IllegalArgumentException e) {
            return html(HttpStatus.BAD_REQUEST, pages.message(m.get("error.title"),
                    Optional.of(m.get("error.bad_request", e.getMessage())), Optional.empty()), "");
        }
        Optional<Gateway> gateway = gateways.find(redirect.nasId(), remote(request));
        if (gateway.isEmpty()) {
            return html(HttpStatus.FORBIDDEN, pages.message(m.get("error.title"), Optional.of(m.get("error.unknown_gateway")),
                    Optional.empty()), "");
        }
        String rawQuery = Optional.ofNullable(request.getUri().getRawQuery()).orElse("");
        if (query.containsKey("md") && gateway.get().uamSecret().isPresent()
                && !UamChecksum.valid(portalUrl(request) + "?" + withoutLang(rawQuery), gateway.get().uamSecret().get())) {
            return html(HttpStatus.FORBIDDEN, pages.message(m.get("error.title"), Optional.of(m.get("error.forged")), Optional.empty()), "");
        }
        Optional<String> userUrl = UserUrl.safe(redirect.userUrl(), host(request));
        Optional<String[]> onward = userUrl.map(u -> new String[] {m.get("success.continue") + " " + u, u});
        return switch (redirect.res()) {
            case "success" -> html(HttpStatus.OK, pages.message(m.get("success.title"), Optional.empty(), onward), "");
            case "already" -> html(HttpStatus.OK, pages.message(m.get("already.title"), Optional.empty(), onward), "");
            case "logoff" -> html(HttpStatus.OK, pages.message(m.get("logoff.title"), Optional.empty(), Optional.empty()), "");
            case "failed" -> html(HttpStatus.OK, pages.message(m.get("failed.title"), redirect.reason().map(r -> r),
                    Optional.of(new String[] {m.get("failed.retry"), gatewayOrigin(redirect) + "/prelogin"})), "");
            default -> html(HttpStatus.OK, pages.login(redirect, withoutLang(rawQuery), csrfFor(redirect), Optional.empty(),
                    portalUrl(request)), gatewayOrigin(redirect));
        };
    }

    /** A login form posted back: its redirect fields checked, its gateway found, or the page that says why not. */
    private record Posted(Messages m, PortalPages pages, UamRedirect redirect, Gateway gateway, Optional<HttpResponse<String>> refusal) {
    }

    private Posted posted(Map<String, String> form, HttpRequest<?> request, boolean termsRequired) {
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
        if (termsRequired && !"yes".equals(form.get("terms"))) {
            return new Posted(m, pages, redirect, gateway.get(), Optional.of(loginAgain(HttpStatus.BAD_REQUEST, m, pages, redirect,
                    m.get("error.terms"), request)));
        }
        return new Posted(m, pages, redirect, gateway.get(), Optional.empty());
    }

    private HttpResponse<String> loginAgain(HttpStatus status, Messages m, PortalPages pages, UamRedirect redirect, String error,
                                            HttpRequest<?> request) {
        String again = "uamip=" + redirect.uamIp() + "&uamport=" + redirect.uamPort();
        return html(status, pages.login(redirect, again, csrfFor(redirect), Optional.of(error), portalUrl(request)), gatewayOrigin(redirect));
    }

    /** Sends the browser to the gateway's /logon with a fresh one-time credential for {@code subscriber}. */
    private HttpResponse<String> logon(Posted p, long subscriber, HttpRequest<?> request) {
        LoginCredential credential = credentials.issue(subscriber, p.redirect().clientMac().orElseThrow());
        String logon = UamLogon.url(p.redirect(), credential.username(), credential.password(), p.gateway().uamSecret(),
                p.gateway().chap(), UserUrl.safe(p.redirect().userUrl(), host(request)));
        return HttpResponse.<String>seeOther(URI.create(logon)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "same-origin");
    }

    @Post(uri = "/login/voucher", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> voucher(@Body Map<String, String> form, HttpRequest<?> request) {
        Posted p = posted(form, request, true);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        String device = p.redirect().clientMac().orElseThrow().toString();
        if (!voucherGuesses.allowed(device)) {
            return loginAgain(HttpStatus.TOO_MANY_REQUESTS, p.m(), p.pages(), p.redirect(), p.m().get("error.voucher.too_many"), request);
        }
        VoucherLogin.Result result = vouchers.check(form.get("voucher"), p.redirect().clientMac().orElseThrow());
        if (result instanceof VoucherLogin.Result.Refused refused) {
            if (refused.problem() == VoucherLogin.Problem.UNKNOWN) {
                voucherGuesses.failed(device);
            }
            return loginAgain(HttpStatus.UNPROCESSABLE_ENTITY, p.m(), p.pages(), p.redirect(),
                    p.m().get("error.voucher." + refused.problem().name().toLowerCase(Locale.ROOT)), request);
        }
        return logon(p, ((VoucherLogin.Result.Valid) result).subscriberId(), request);
    }

    @Post(uri = "/login/sms/request", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> requestCode(@Body Map<String, String> form, HttpRequest<?> request) {
        Posted p = posted(form, request, true);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        Optional<PhoneNumber> parsed = phone(form);
        if (parsed.isEmpty()) {
            return loginAgain(HttpStatus.BAD_REQUEST, p.m(), p.pages(), p.redirect(), p.m().get("error.phone.invalid"), request);
        }
        PhoneNumber phone = parsed.get();
        SmsLogin.Sending sending = sms.requestCode(phone, p.redirect().clientMac().orElseThrow(), p.gateway().name(),
                p.m().get("sms.message"));
        if (sending != SmsLogin.Sending.SENT) {
            HttpStatus status = sending == SmsLogin.Sending.NOT_SENT ? HttpStatus.BAD_GATEWAY : HttpStatus.TOO_MANY_REQUESTS;
            return loginAgain(status, p.m(), p.pages(), p.redirect(),
                    p.m().get("error.sms." + sending.name().toLowerCase(Locale.ROOT)), request);
        }
        return html(HttpStatus.OK, p.pages().code(p.redirect(), csrfFor(p.redirect()), phone.e164(), phone.masked(), Optional.empty()),
                gatewayOrigin(p.redirect()));
    }

    @Post(uri = "/login/sms/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> verifyCode(@Body Map<String, String> form, HttpRequest<?> request) {
        Posted p = posted(form, request, false);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        Optional<PhoneNumber> parsed = phone(form);
        if (parsed.isEmpty()) {
            return loginAgain(HttpStatus.BAD_REQUEST, p.m(), p.pages(), p.redirect(), p.m().get("error.phone.invalid"), request);
        }
        PhoneNumber phone = parsed.get();
        SmsLogin.Checked checked = sms.check(phone, form.get("code"), p.redirect().clientMac().orElseThrow(), p.m().language());
        if (checked instanceof SmsLogin.Checked.LoggedIn loggedIn) {
            return logon(p, loggedIn.subscriberId(), request);
        }
        SmsLogin.Checked.Reason reason = ((SmsLogin.Checked.Refused) checked).reason();
        String message = p.m().get("error.sms." + reason.name().toLowerCase(Locale.ROOT));
        if (reason == SmsLogin.Checked.Reason.WRONG_CODE) {
            return html(HttpStatus.UNPROCESSABLE_ENTITY, p.pages().code(p.redirect(), csrfFor(p.redirect()), phone.e164(), phone.masked(),
                    Optional.of(message)), gatewayOrigin(p.redirect()));
        }
        return loginAgain(HttpStatus.UNPROCESSABLE_ENTITY, p.m(), p.pages(), p.redirect(), message, request);
    }

    private static Optional<PhoneNumber> phone(Map<String, String> form) {
        try {
            return Optional.of(PhoneNumber.parse(form.get("phone")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String csrfFor(UamRedirect redirect) {
        return csrf.token(csrfFields(redirect));
    }

    /** Every field the form carries back that decides where the login goes or whom it is for. */
    private static String[] csrfFields(UamRedirect redirect) {
        return new String[] {redirect.uamIp(), Integer.toString(redirect.uamPort()), redirect.challengeHex(),
                redirect.clientMac().map(Object::toString).orElse(""), redirect.nasId().orElse(""), redirect.userUrl().orElse("")};
    }

    private static HttpResponse<String> html(HttpStatus status, String body, String gatewayOrigin) {
        return PortalResponses.html(status, body, gatewayOrigin);
    }

    private static String gatewayOrigin(UamRedirect redirect) {
        return "http://" + (redirect.uamIp().contains(":") ? "[" + redirect.uamIp() + "]" : redirect.uamIp()) + ":" + redirect.uamPort();
    }

    private static Messages messages(HttpRequest<?> request, @Nullable String lang) {
        return Messages.choose(Optional.ofNullable(lang), request.getHeaders().findFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Map<String, String> query(HttpRequest<?> request) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return query;
    }

    private static String withoutLang(String rawQuery) {
        return rawQuery.replaceAll("(^|&)lang=[^&]*", "").replaceFirst("^&", "");
    }

    private static java.net.InetAddress remote(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress();
    }

    /** The portal's own URL as the gateway wrote it into the redirect: the Host the browser asked for. */
    private static String portalUrl(HttpRequest<?> request) {
        return "http://" + request.getHeaders().findFirst(HttpHeaders.HOST).orElse("localhost") + request.getPath();
    }

    private static String host(HttpRequest<?> request) {
        String host = request.getHeaders().findFirst(HttpHeaders.HOST).orElse("localhost");
        return host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.split(":")[0];
    }
}
