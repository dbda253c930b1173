package io.steppe.portal.web;

import static io.steppe.portal.web.LoginForms.gatewayOrigin;
import static io.steppe.portal.web.PortalResponses.html;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.portal.sms.SmsLogin;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Login by SMS on the portal: a code asked for a mobile number, then the code typed back. */
@PortalListener
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SmsLoginController {

    private final LoginForms forms;
    private final SmsLogin sms;

    SmsLoginController(LoginForms forms, SmsLogin sms) {
        this.forms = forms;
        this.sms = sms;
    }

    @Post(uri = "/login/sms/request", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> requestCode(@Body Map<String, String> form, HttpRequest<?> request) {
        return withPhone(form, request, true, (p, phone) -> {
            SmsLogin.Sending sending = sms.requestCode(phone, p.redirect().clientMac().orElseThrow(), p.gateway().name(),
                    p.m().get("sms.message"));
            if (sending != SmsLogin.Sending.SENT) {
                HttpStatus status = sending == SmsLogin.Sending.NOT_SENT ? HttpStatus.BAD_GATEWAY : HttpStatus.TOO_MANY_REQUESTS;
                return forms.loginAgain(status, p.m(), p.pages(), p.redirect(),
                        p.m().get("error.sms." + sending.name().toLowerCase(Locale.ROOT)), request);
            }
            return codePage(HttpStatus.OK, p, phone, Optional.empty());
        });
    }

    @Post(uri = "/login/sms/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> verifyCode(@Body Map<String, String> form, HttpRequest<?> request) {
        return withPhone(form, request, false, (p, phone) -> {
            SmsLogin.Checked checked = sms.check(phone, form.get("code"), p.redirect().clientMac().orElseThrow(), p.m().language());
            if (checked instanceof SmsLogin.Checked.LoggedIn loggedIn) {
                return forms.logon(p, loggedIn.credential(), request);
            }
            SmsLogin.Checked.Reason reason = ((SmsLogin.Checked.Refused) checked).reason();
            String message = p.m().get("error.sms." + reason.name().toLowerCase(Locale.ROOT));
            return reason == SmsLogin.Checked.Reason.WRONG_CODE
                    ? codePage(HttpStatus.UNPROCESSABLE_ENTITY, p, phone, Optional.of(message))
                    : forms.loginAgain(HttpStatus.UNPROCESSABLE_ENTITY, p.m(), p.pages(), p.redirect(), message, request);
        });
    }

    /** The checks both forms share: the posted redirect fields, then the number; {@code then} runs when both are good. */
    private HttpResponse<String> withPhone(Map<String, String> form, HttpRequest<?> request, boolean termsRequired,
                                           BiFunction<LoginForms.Posted, PhoneNumber, HttpResponse<String>> then) {
        LoginForms.Posted p = forms.posted(form, request, termsRequired);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        Optional<PhoneNumber> phone = phone(form);
        if (phone.isEmpty()) {
            return forms.loginAgain(HttpStatus.BAD_REQUEST, p.m(), p.pages(), p.redirect(), p.m().get("error.phone.invalid"), request);
        }
        return then.apply(p, phone.get());
    }

    private HttpResponse<String> codePage(HttpStatus status, LoginForms.Posted p, PhoneNumber phone, Optional<String> error) {
        return html(status, p.pages().code(p.redirect(), forms.csrfFor(p.redirect()), phone.e164(), phone.masked(), error),
                gatewayOrigin(p.redirect()));
    }

    private static Optional<PhoneNumber> phone(Map<String, String> form) {
        try {
            return Optional.of(PhoneNumber.parse(form.get("phone")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
