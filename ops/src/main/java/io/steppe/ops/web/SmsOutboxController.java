package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.portal.sms.LogSmsSender;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/dev/sms-outbox}: with {@code STEPPE_SMS=log}, the codes that would have been texted, newest
 * first, for development and the demo. Only on the API listener; with a real SMS provider it does not exist.
 */
@Controller("/api/dev/sms-outbox")
final class SmsOutboxController {

    private final LogSmsSender outbox;

    SmsOutboxController(@Nullable LogSmsSender outbox) {
        this.outbox = outbox;
    }

    /** @param to only messages to this (masked) number, e.g. {@code +976******33} */
    @Get("{?to}")
    HttpResponse<List<Map<String, String>>> list(@Nullable String to) {
        if (outbox == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(outbox.outbox().stream().filter(s -> to == null || s.to().equals(to)).map(s -> {
            Map<String, String> entry = new java.util.LinkedHashMap<>();
            entry.put("at", s.at().toString());
            entry.put("to", s.to());
            entry.put("text", s.text());
            return entry;
        }).toList());
    }
}
