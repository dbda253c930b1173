package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.portal.sms.OutboxSmsSender;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.RoleRefused;
import io.steppe.web.account.Role;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/dev/sms-outbox}: with {@code STEPPE_SMS=outbox} (what {@code steppe demo} uses), the codes that
 * would have been texted, newest first. A code logs its reader in as the number's owner, a real-name identity, so
 * it answers only an admin, only on the API listener, and with any other sender does not exist (404).
 */
@Allowed(Role.ADMIN)
@Controller("/api/dev/sms-outbox")
final class SmsOutboxController {

    private final OutboxSmsSender outbox;

    SmsOutboxController(@Nullable OutboxSmsSender outbox) {
        this.outbox = outbox;
    }

    /** @param to only messages to this (masked) number, e.g. {@code +976******33} */
    @Get("{?to}")
    HttpResponse<?> list(HttpRequest<?> request, @Nullable String to) {
        if (outbox == null) {
            return HttpResponse.notFound();
        }
        // @Allowed already keeps everyone else out; this check stays so that a rule edited by mistake does not
        // hand the codes to an operator (the filter answers a request without a login before it gets here)
        if (ConsoleRequest.account(request).role() != Role.ADMIN) {
            throw new RoleRefused("the SMS outbox is for admins' accounts");
        }
        List<Map<String, String>> sent = outbox.outbox().stream().filter(s -> to == null || s.to().equals(to)).map(s -> {
            Map<String, String> entry = new java.util.LinkedHashMap<>();
            entry.put("at", s.at().toString());
            entry.put("to", s.to());
            entry.put("text", s.text());
            return entry;
        }).toList();
        return HttpResponse.ok(sent);
    }
}
