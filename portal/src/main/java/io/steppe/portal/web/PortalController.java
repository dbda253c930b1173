package io.steppe.portal.web;

import static io.steppe.portal.web.LoginForms.gatewayOrigin;
import static io.steppe.portal.web.LoginForms.host;
import static io.steppe.portal.web.PortalResponses.html;
import static io.steppe.portal.web.LoginForms.messages;
import static io.steppe.portal.web.LoginForms.query;
import static io.steppe.portal.web.LoginForms.remote;
import static io.steppe.portal.web.LoginForms.withoutLang;

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
import io.steppe.portal.ac.AcRedirect;
import io.steppe.portal.login.AttemptLimiter;
import io.steppe.portal.PortalMetrics;
import io.steppe.portal.login.VoucherLogin;
import io.steppe.portal.session.ClientSessions;
import io.steppe.portal.uam.Gateway;
import io.steppe.portal.uam.RedirectCheck;
import io.steppe.portal.uam.UamRedirect;
import io.steppe.portal.uam.UserUrl;
import io.steppe.web.PortalListener;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The captive portal's pages: where the gateway sends a new client ({@code res=notyet}) and its return visits
 * ({@code success}, {@code failed}, {@code logoff}, {@code already}), and the voucher login, which ends by
 * sending the browser to the gateway's {@code /logon} with a one-time credential.
 */
@PortalListener
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class PortalController {

    private final LoginForms forms;
    private final VoucherLogin vouchers;
    private final OnlineStatus online;
    /** Ten wrong vouchers from one device in ten minutes, then it waits. */
    private final AttemptLimiter voucherGuesses;

    PortalController(LoginForms forms, VoucherLogin vouchers, OnlineStatus online, Clock clock) {
        this.forms = forms;
        this.online = online;
        this.vouchers = vouchers;
        this.voucherGuesses = new AttemptLimiter(10, java.time.Duration.ofMinutes(10), clock);
    }

    @Get(produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> arrive(HttpRequest<?> request) {
        Map<String, String> query = query(request);
        Messages m = messages(request, query.get("lang"));
        PortalPages pages = new PortalPages(m);
        String rawQuery = Optional.ofNullable(request.getUri().getRawQuery()).orElse("");
        if (AcRedirect.isAcRedirect(query)) {
            return acArrival(query, request, m, pages, rawQuery);
        }
        if (!query.containsKey("uamip")) {
            return html(HttpStatus.OK, pages.message(m.get("title"), Optional.of(m.get("error.unknown_gateway")), Optional.empty()), "");
        }
        UamRedirect redirect;
        try {
            redirect = UamRedirect.parse(query);
        } catch (IllegalArgumentException e) {
            return LoginForms.badRequest(m, pages, e);
        }
        Optional<Gateway> gateway = forms.gateways().find(redirect.nasId(), remote(request));
        if (gateway.isEmpty()) {
            return LoginForms.unknownGateway(m, pages);
        }
        Optional<RedirectCheck.Refusal> untrusted = forms.hop().check(gateway.get(), redirect, request, withoutLang(rawQuery));
        if (untrusted.isPresent()) {
            return LoginForms.refused(m, pages, untrusted.get());
        }
        if (forms.hop().needed(request)) {
            return forms.hop().onward(withoutLang(rawQuery), language(query, m), true);
        }
        Optional<String> userUrl = UserUrl.safe(redirect.userUrl(), host(request));
        Optional<String[]> onward = userUrl.map(u -> new String[] {m.get("success.continue") + " " + u, u});
        Optional<DeviceCookie.Known> device = redirect.clientMac()
                .map(mac -> new DeviceCookie.Known(gateway.get().name(), mac, Optional.of(gatewayOrigin(redirect) + "/logoff")));
        MutableHttpResponse<String> page = uamPage(redirect, gateway.get(), device, m, pages, rawQuery, onward, request);
        device.ifPresent(d -> page.cookie(online.cookie(d)));
        return page;
    }

    /**
     * The page for a UAM gateway's checked redirect. A device that is online gets its status, whatever the gateway
     * says: a phone that opens its first link again, or comes back after a login, sees its time left and can log out.
     */
    private MutableHttpResponse<String> uamPage(UamRedirect redirect, Gateway gateway, Optional<DeviceCookie.Known> device, Messages m,
                                                PortalPages pages, String rawQuery, Optional<String[]> onward, HttpRequest<?> request) {
        if (device.isPresent() && !redirect.res().equals("logoff")) {
            DeviceCookie.Known known = device.get();
            Optional<MutableHttpResponse<String>> status = online.page(pages, ClientSessions.Device.on(known.gateway(), known.mac(),
                    remote(request)), known.logoff(), onward, remote(request));
            if (status.isPresent()) {
                return status.get();
            }
        }
        if (redirect.res().equals("notyet") && forms.answered().answered(gateway.name(), redirect.challenge().orElseThrow())) {
            return LoginForms.refused(m, pages, RedirectCheck.Refusal.CHALLENGE);
        }
        Optional<String[]> status = Optional.of(new String[] {m.get("status.link"), "/status?lang=" + m.language()});
        return switch (redirect.res()) {
            case "success" -> html(HttpStatus.OK, pages.message(m.get("success.title"), Optional.empty(), onward.or(() -> status)), "");
            case "already" -> html(HttpStatus.OK, pages.message(m.get("already.title"), Optional.empty(), onward.or(() -> status)), "");
            case "logoff" -> html(HttpStatus.OK, pages.message(m.get("logoff.title"), Optional.of(m.get("logoff.text")), Optional.empty()), "");
            case "failed" -> html(HttpStatus.OK, pages.message(m.get("failed.title"),
                    Optional.of(m.get(LoginRefusals.gatewayFailure(redirect.reason()))),
                    Optional.of(new String[] {m.get("failed.retry"), gatewayOrigin(redirect) + "/prelogin"})), "");
            default -> forms.loginPage(HttpStatus.OK, pages, new Arrival.Uam(redirect, gateway), withoutLang(rawQuery), Optional.empty(),
                    LoginPage.Typed.NONE);
        };
    }

    /**
     * A client an access controller sent: the login page, once the AC is known and the page is the user's own; its
     * status, when it is online already.
     */
    private HttpResponse<String> acArrival(Map<String, String> query, HttpRequest<?> request, Messages m, PortalPages pages, String rawQuery) {
        AcRedirect redirect;
        try {
            redirect = AcRedirect.parse(query);
        } catch (IllegalArgumentException e) {
            return LoginForms.badRequest(m, pages, e);
        }
        Optional<Arrival> arrival = forms.ac(redirect, remote(request));
        if (arrival.isEmpty()) {
            return LoginForms.unknownGateway(m, pages);
        }
        if (forms.hop().needed(request)) {
            return forms.hop().onward(withoutLang(rawQuery), language(query, m), false);
        }
        DeviceCookie.Known device = new DeviceCookie.Known(arrival.get().gatewayName(), arrival.get().clientMac(), Optional.empty());
        return online.page(pages, ClientSessions.Device.on(device.gateway(), device.mac(), remote(request)), Optional.empty(),
                        Optional.empty(), remote(request))
                .orElseGet(() -> forms.loginPage(HttpStatus.OK, pages, arrival.get(), withoutLang(rawQuery), Optional.empty(),
                        LoginPage.Typed.NONE))
                .cookie(online.cookie(device));
    }

    /** The language the user chose by link, if any, to keep across the step to HTTPS. */
    private static Optional<String> language(Map<String, String> query, Messages m) {
        return query.containsKey("lang") ? Optional.of(m.language()) : Optional.empty();
    }

    @Post(uri = "/login/voucher", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> voucher(@Body Map<String, String> form, HttpRequest<?> request) {
        LoginForms.Posted p = forms.posted(form, request, true);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        String device = p.arrival().clientMac().toString();
        if (!voucherGuesses.allowed(device)) {
            forms.metrics().voucherThrottled();
            return forms.loginAgain(HttpStatus.TOO_MANY_REQUESTS, p, p.m().get("error.voucher.too_many"));
        }
        VoucherLogin.Result result = vouchers.check(Optional.ofNullable(form.get("voucher")).orElse(""), p.arrival().clientMac());
        if (result instanceof VoucherLogin.Result.Refused refused) {
            if (refused.problem() == VoucherLogin.Problem.UNKNOWN) {
                voucherGuesses.failed(device);
            }
            forms.metrics().voucherRefused(refused.problem());
            return forms.loginAgain(HttpStatus.UNPROCESSABLE_ENTITY, p,
                    p.m().get(LoginRefusals.voucher(refused.problem())));
        }
        forms.metrics().loginAccepted(PortalMetrics.Method.VOUCHER);
        return forms.logon(p, ((VoucherLogin.Result.Valid) result).subscriberId(), request);
    }
}
