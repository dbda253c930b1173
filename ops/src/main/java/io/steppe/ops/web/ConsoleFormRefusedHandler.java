package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsoleLayout.Notice;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.Texts;
import jakarta.inject.Singleton;

/** A page saying, in the reader's language, why a console form was refused, with a link back to it. */
@Singleton
@Produces
final class ConsoleFormRefusedHandler implements ExceptionHandler<ConsoleFormRefused, HttpResponse<String>> {

    private final ConsoleLayout layout;

    ConsoleFormRefusedHandler(ConsoleLayout layout) {
        this.layout = layout;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<String> handle(HttpRequest request, ConsoleFormRefused refused) {
        Texts t = layout.texts(request);
        String text = t.get(refused.key(), refused.args());
        String page = layout.notice(layout.page(request, t.get("form.refused.title"), Link.here(t.get("form.refused.title"))),
                new Notice(text, true, new Link(t.get("form.back"), refused.back())));
        return HttpResponse.<String>status(refused.status()).body(page).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }
}
