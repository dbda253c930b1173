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

    @Get
    HttpResponse<List<Map<String, String>>> list() {
        if (outbox == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(outbox.outbox().stream()
                .map(s -> Map.of("at", s.at().toString(), "to", s.to(), "text", s.text())).toList());
    }
}
