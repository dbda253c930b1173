package io.steppe.ops.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.ops.metrics.SteppeMetrics;
import io.steppe.web.WithoutLogin;

/** {@code GET /metrics}: Prometheus text exposition, without login (the API listener is on the operations network). */
@WithoutLogin
@Controller("/metrics")
final class MetricsController {

    private final SteppeMetrics metrics;

    MetricsController(SteppeMetrics metrics) {
        this.metrics = metrics;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<byte[]> scrape() {
        return HttpResponse.ok(metrics.scrape()).contentType(SteppeMetrics.CONTENT_TYPE);
    }
}
