package io.steppe.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.steppe.portal.PortalSettings;
import java.util.Optional;

/**
 * Where the login forms are served over HTTPS, a login form posted over plain HTTP (by an old page kept open, or a
 * page someone else made) is not acted on: a number or code that crossed the air in clear must not start a login.
 */
@ServerFilter("/login/**")
final class PlainFormRefusal implements Ordered {

    private final PortalSettings settings;

    PlainFormRefusal(PortalSettings settings) {
        this.settings = settings;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuse(HttpRequest<?> request) {
        if (!settings.secureForms() || request.isSecure()) {
            return null;
        }
        Messages m = LoginForms.messages(request, request.getParameters().get("lang"));
        return PortalResponses.html(HttpStatus.FORBIDDEN, new PortalPages(m).message(m.get("error.title"),
                Optional.of(m.get("error.not_secure")), Optional.empty()), "");
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 200;
    }
}
