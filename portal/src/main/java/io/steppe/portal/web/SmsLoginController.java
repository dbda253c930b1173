package io.steppe.portal.web;

import static io.steppe.portal.web.LoginForms.gatewayOrigin;
import static io.steppe.portal.web.LoginForms.html;

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

/** Login by SMS on the portal: a code asked for a mobile number, then the code typed back. */
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
        LoginForms.Posted p = forms.posted(form, request, true);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        Optional<PhoneNumber> parsed = phone(form);
        if (parsed.isEmpty()) {
            return forms.loginAgain(HttpStatus.BAD_REQUEST, p.m(), p.pages(), p.redirect(), p.m().get("error.phone.invalid"), request);
        }
        PhoneNumber phone = parsed.get();
        SmsLogin.Sending sending = sms.requestCode(phone, p.redirect().clientMac().orElseThrow(), p.gateway().name(),
                p.m().get("sms.message"));
        if (sending != SmsLogin.Sending.SENT) {
            HttpStatus status = sending == SmsLogin.Sending.NOT_SENT ? HttpStatus.BAD_GATEWAY : HttpStatus.TOO_MANY_REQUESTS;
            return forms.loginAgain(status, p.m(), p.pages(), p.redirect(),
                    p.m().get("error.sms." + sending.name().toLowerCase(Locale.ROOT)), request);
        }
        return html(HttpStatus.OK, p.pages().code(p.redirect(), forms.csrfFor(p.redirect()), phone.e164(), phone.masked(), Optional.empty()),
                gatewayOrigin(p.redirect()));
    }

    @Post(uri = "/login/sms/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> verifyCode(@Body Map<String, String> form, HttpRequest<?> request) {
        LoginForms.Posted p = forms.posted(form, request, false);
        if (p.refusal().isPresent()) {
            return p.refusal().get();
        }
        Optional<PhoneNumber> parsed = phone(form);
        if (parsed.isEmpty()) {
            return forms.loginAgain(HttpStatus.BAD_REQUEST, p.m(), p.pages(), p.redirect(), p.m().get("error.phone.invalid"), request);
        }
        PhoneNumber phone = parsed.get();
        SmsLogin.Checked checked = sms.check(phone, form.get("code"), p.redirect().clientMac().orElseThrow(), p.m().language());
        if (checked instanceof SmsLogin.Checked.LoggedIn loggedIn) {
            return forms.logon(p, loggedIn.subscriberId(), request);
        }
        SmsLogin.Checked.Reason reason = ((SmsLogin.Checked.Refused) checked).reason();
        String message = p.m().get("error.sms." + reason.name().toLowerCase(Locale.ROOT));
        if (reason == SmsLogin.Checked.Reason.WRONG_CODE) {
            return html(HttpStatus.UNPROCESSABLE_ENTITY, p.pages().code(p.redirect(), forms.csrfFor(p.redirect()), phone.e164(), phone.masked(),
                    Optional.of(message)), gatewayOrigin(p.redirect()));
        }
        return forms.loginAgain(HttpStatus.UNPROCESSABLE_ENTITY, p.m(), p.pages(), p.redirect(), message, request);
    }

    private static Optional<PhoneNumber> phone(Map<String, String> form) {
        try {
            return Optional.of(PhoneNumber.parse(form.get("phone")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
