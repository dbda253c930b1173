package io.steppe.portal.web;

import static io.steppe.portal.web.PortalResponses.html;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.portal.PortalMetrics;
import io.steppe.portal.sms.MobileNumbers;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.portal.sms.SmsLogin;
import io.steppe.web.PortalListener;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Login by SMS on the portal: a code asked for a mobile number, then the code typed back. The code page keeps the
 * language switch, offers to change the number and to send the code again, saying how long that must wait (the pages
 * have no script: the wait is text, and a resend asked too soon is refused with what is left of it). Where no SMS
 * sender is configured there is no {@link SmsLogin}, the login page offers no SMS form, and a posted one is told to
 * use a voucher.
 */
@PortalListener
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SmsLoginController {

    private final LoginForms forms;
    /** Null where no SMS sender is configured. */
    private final SmsLogin sms;
    private final MobileNumbers numbers;

    SmsLoginController(LoginForms forms, @Nullable SmsLogin sms, MobileNumbers numbers) {
        this.forms = forms;
        this.sms = sms;
        this.numbers = numbers;
    }

    /** Sends a code, from the login page or as the code page's "send again" ({@code resend=yes}). */
    @Post(uri = "/login/sms/request", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> requestCode(@Body Map<String, String> form, HttpRequest<?> request) {
        return withPhone(form, request, true, (p, phone) -> {
            Optional<InetAddress> client = client(p, request);
            SmsLogin.Sending sending = sms.requestCode(phone, p.arrival().clientMac(), p.arrival().gatewayName(), client,
                    p.m().get("sms.message"));
            forms.metrics().smsRequested(sending);
            if (sending == SmsLogin.Sending.SENT) {
                return codePage(HttpStatus.OK, p, phone, Optional.empty(), request);
            }
            HttpStatus status = switch (sending) {
                case NOT_SENT -> HttpStatus.BAD_GATEWAY;
                case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.TOO_MANY_REQUESTS;
            };
            String why = p.m().get(LoginRefusals.sending(sending), Waits.text(p.m(), wait(p, phone, request)));
            return "yes".equals(form.get("resend")) ? codePage(status, p, phone, Optional.of(why), request) : forms.loginAgain(status, p, why);
        });
    }

    @Post(uri = "/login/sms/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> verifyCode(@Body Map<String, String> form, HttpRequest<?> request) {
        return withPhone(form, request, false, (p, phone) -> {
            SmsLogin.Checked checked = sms.check(phone, form.get("code"), p.arrival().clientMac(), p.m().language());
            if (checked instanceof SmsLogin.Checked.LoggedIn loggedIn) {
                forms.metrics().loginAccepted(PortalMetrics.Method.SMS);
                return forms.logon(p, loggedIn.credential(), request);
            }
            SmsLogin.Checked.Reason reason = ((SmsLogin.Checked.Refused) checked).reason();
            forms.metrics().codeRefused(reason);
            return codePage(HttpStatus.UNPROCESSABLE_ENTITY, p, phone, Optional.of(p.m().get(LoginRefusals.code(reason))), request);
        });
    }

    /** The code page again, in the language its switch asks for ({@code to}); nothing is sent. */
    @Post(uri = "/login/sms/code", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> codeIn(@Body Map<String, String> form, HttpRequest<?> request) {
        Map<String, String> switched = new HashMap<>(form);
        Optional.ofNullable(form.get("to")).ifPresent(to -> switched.put("lang", to));
        return withPhone(switched, request, false, (p, phone) -> codePage(HttpStatus.OK, p, phone, Optional.empty(), request));
    }

    /** "Change number": the login page again, the number as it was and the terms still accepted. */
    @Post(uri = "/login/sms/change", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> changeNumber(@Body Map<String, String> form, HttpRequest<?> request) {
        LoginForms.Posted p = forms.posted(form, request, false);
        return p.refusal().orElseGet(() -> forms.loginPage(HttpStatus.OK, p.pages(), p.arrival(), p.arrival().query(), Optional.empty(),
                p.typed()));
    }

    /** The checks every form shares: the posted redirect fields, then the number; {@code then} runs when both are good. */
    private HttpResponse<String> withPhone(Map<String, String> form, HttpRequest<?> request, boolean termsRequired,
                                           BiFunction<LoginForms.Posted, PhoneNumber, HttpResponse<String>> then) {
        LoginForms.Posted p = forms.posted(form, request, termsRequired);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        if (sms == null) {
            return forms.loginAgain(HttpStatus.NOT_FOUND, p, p.m().get("error.sms.unavailable"));
        }
        MobileNumbers.Parsed phone = numbers.parse(form.get("phone"), numbers.regionFor(p.m().language()));
        if (phone instanceof MobileNumbers.Parsed.Refused refused) {
            return forms.loginAgain(HttpStatus.BAD_REQUEST, p, p.m().get(LoginRefusals.phone(refused.refusal()),
                    numbers.countryNames(p.m().language())));
        }
        return then.apply(p, ((MobileNumbers.Parsed.Mobile) phone).number());
    }

    /** Behind a NAT the peer is the gateway itself, for all its clients: its own limit holds for them. */
    private static Optional<InetAddress> client(LoginForms.Posted p, HttpRequest<?> request) {
        InetAddress peer = LoginForms.remote(request);
        return p.arrival().natted(peer) ? Optional.empty() : Optional.of(peer);
    }

    private Duration wait(LoginForms.Posted p, PhoneNumber phone, HttpRequest<?> request) {
        return sms.waitBeforeNext(phone, p.arrival().clientMac(), client(p, request));
    }

    private HttpResponse<String> codePage(HttpStatus status, LoginForms.Posted p, PhoneNumber phone, Optional<String> error,
                                          HttpRequest<?> request) {
        Duration wait = wait(p, phone, request);
        String resend = wait.isZero() || wait.isNegative() ? p.m().get("sms.resend_now") : p.m().get("sms.resend_wait", Waits.text(p.m(), wait));
        return html(status, p.pages().code(p.arrival(), forms.csrfFor(p.arrival()), phone, error, resend), forms.formTargets(p.arrival()));
    }
}
