package io.steppe.ops.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.steppe.ops.metrics.SteppeMetrics;
import io.steppe.web.Listeners;

/**
 * Counts every HTTP request by listener, method, route template and status, and times it. Paths that match
 * no route are counted as {@code unmatched} and made-up methods as {@code OTHER} ({@link SteppeMetrics}), so a
 * scanner cannot grow the label set without bound.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class HttpMetricsFilter implements Ordered {

    private static final String STARTED = "steppe.started";

    private final SteppeMetrics metrics;
    private final Listeners listeners;
    private final Ticker ticker;

    HttpMetricsFilter(SteppeMetrics metrics, Listeners listeners, Ticker ticker) {
        this.metrics = metrics;
        this.listeners = listeners;
        this.ticker = ticker;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, ticker.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        long now = ticker.nanoTime();
        long started = request.getAttribute(STARTED, Long.class).orElse(now);
        String route = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo().getUriMatchTemplate().toPathString())
                .orElse("unmatched");
        metrics.httpRequest(listeners.of(request).label(), request.getMethodName(), route, response.code(),
                (now - started) / 1e9);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
