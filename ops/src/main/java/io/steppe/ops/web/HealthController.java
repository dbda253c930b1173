package io.steppe.ops.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.web.WithoutLogin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} when every part answers, else 503 with the failing parts
 * named, for load balancers and monitoring on the operations network.
 */
@WithoutLogin
@Controller("/health")
final class HealthController {

    private final List<HealthCheck> checks;

    HealthController(List<HealthCheck> checks) {
        this.checks = checks;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, Object>> health() {
        Map<String, String> components = new LinkedHashMap<>();
        checks.forEach(c -> components.put(c.name(), isUp(c) ? "UP" : "DOWN"));
        List<String> failing = components.entrySet().stream().filter(e -> e.getValue().equals("DOWN")).map(Map.Entry::getKey).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failing.isEmpty() ? "UP" : "DOWN");
        body.put("components", components);
        if (!failing.isEmpty()) {
            body.put("failing", failing);
        }
        return HttpResponse.status(failing.isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private static boolean isUp(HealthCheck check) {
        try {
            return check.isUp();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
