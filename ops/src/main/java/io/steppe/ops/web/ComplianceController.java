package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.ops.compliance.AccessLog;
import io.steppe.ops.compliance.AccessLogRequest;
import io.steppe.portal.sms.MobileNumbers;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.ConsoleSettings;
import io.steppe.web.Export;
import io.steppe.web.account.Role;
import java.io.StringWriter;
import java.util.Map;

/**
 * {@code GET /api/compliance/sessions?from=&to=&phone=|mac=|ip=|voucher=&reason=}: the real-name access log as CSV,
 * as {@code steppe compliance export} writes it; admins only, every answer audited with its reason and row count.
 */
@Allowed(Role.ADMIN)
@Controller("/api/compliance")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ComplianceController {

    private final AccessLog log;
    private final ConsoleSettings settings;
    private final MobileNumbers numbers;

    ComplianceController(AccessLog log, ConsoleSettings settings, MobileNumbers numbers) {
        this.log = log;
        this.settings = settings;
        this.numbers = numbers;
    }

    @Get(uri = "/sessions", produces = "text/csv")
    HttpResponse<?> sessions(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                             @Nullable @QueryValue String phone, @Nullable @QueryValue String mac, @Nullable @QueryValue String ip,
                             @Nullable @QueryValue String voucher, @Nullable @QueryValue String reason) {
        AccessLogRequest asked = AccessLogRequest.of(from, to, new AccessLogRequest.Identities(phone, mac, ip, voucher), reason,
                settings.zone(), numbers);
        StringWriter csv = new StringWriter();
        log.export(asked, csv, ConsoleRequest.actor(request), AccessLog.Via.API, Map.of());
        // personal data: no copy in a proxy's or the browser's cache
        return Export.CSV.download(csv.toString(), "access-log", settings.clock().instant(), settings.zone())
                .header("Cache-Control", "no-store");
    }
}
