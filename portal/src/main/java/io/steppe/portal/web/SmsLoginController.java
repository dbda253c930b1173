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
import io.steppe.portal.sms.MobileNumbers;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.portal.sms.SmsLogin;
import io.steppe.web.PortalListener;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Login by SMS on the portal: a code asked for a mobile number, then the code typed back. Where no SMS sender is
 * configured there is no {@link SmsLogin}, the login page offers no SMS form, and a posted one is told to use a
 * voucher.
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

    @Post(uri = "/login/sms/request", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> requestCode(@Body Map<String, String> form, HttpRequest<?> request) {
        return withPhone(form, request, true, (p, phone) -> {
            InetAddress peer = LoginForms.remote(request);
            // Behind a NAT the peer is the gateway itself, for all its clients: its own limit holds for them.
            Optional<InetAddress> client = p.arrival().natted(peer) ? Optional.empty() : Optional.of(peer);
            SmsLogin.Sending sending = sms.requestCode(phone, p.arrival().clientMac(), p.arrival().gatewayName(), client,
                    p.m().get("sms.message"));
            if (sending != SmsLogin.Sending.SENT) {
                HttpStatus status = switch (sending) {
                    case NOT_SENT -> HttpStatus.BAD_GATEWAY;
                    case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
                    default -> HttpStatus.TOO_MANY_REQUESTS;
                };
                return forms.loginAgain(status, p.m(), p.pages(), p.arrival(),
                        p.m().get("error.sms." + sending.name().toLowerCase(Locale.ROOT)));
            }
            return codePage(HttpStatus.OK, p, phone, Optional.empty());
        });
    }

    @Post(uri = "/login/sms/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> verifyCode(@Body Map<String, String> form, HttpRequest<?> request) {
        return withPhone(form, request, false, (p, phone) -> {
            SmsLogin.Checked checked = sms.check(phone, form.get("code"), p.arrival().clientMac(), p.m().language());
            if (checked instanceof SmsLogin.Checked.LoggedIn loggedIn) {
                return forms.logon(p, loggedIn.credential(), request);
            }
            SmsLogin.Checked.Reason reason = ((SmsLogin.Checked.Refused) checked).reason();
            String message = p.m().get("error.sms." + reason.name().toLowerCase(Locale.ROOT));
            return reason == SmsLogin.Checked.Reason.WRONG_CODE
                    ? codePage(HttpStatus.UNPROCESSABLE_ENTITY, p, phone, Optional.of(message))
                    : forms.loginAgain(HttpStatus.UNPROCESSABLE_ENTITY, p.m(), p.pages(), p.arrival(), message);
        });
    }

    /** The checks both forms share: the posted redirect fields, then the number; {@code then} runs when both are good. */
    private HttpResponse<String> withPhone(Map<String, String> form, HttpRequest<?> request, boolean termsRequired,
                                           BiFunction<LoginForms.Posted, PhoneNumber, HttpResponse<String>> then) {
        LoginForms.Posted p = forms.posted(form, request, termsRequired);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        if (sms == null) {
            return forms.loginAgain(HttpStatus.NOT_FOUND, p.m(), p.pages(), p.arrival(), p.m().get("error.sms.unavailable"));
        }
        MobileNumbers.Parsed phone = numbers.parse(form.get("phone"));
        if (phone instanceof MobileNumbers.Parsed.Refused refused) {
            String why = "error.phone." + refused.refusal().name().toLowerCase(Locale.ROOT);
            return forms.loginAgain(HttpStatus.BAD_REQUEST, p.m(), p.pages(), p.arrival(),
                    p.m().get(why, numbers.countryNames(p.m().language())));
        }
        return then.apply(p, ((MobileNumbers.Parsed.Mobile) phone).number());
    }

    private HttpResponse<String> codePage(HttpStatus status, LoginForms.Posted p, PhoneNumber phone, Optional<String> error) {
        return html(status, p.pages().code(p.arrival(), forms.csrfFor(p.arrival()), phone.e164(), phone.masked(), error),
                p.arrival().gatewayOrigin());
    }
}
