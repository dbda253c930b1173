package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.net.URI;
import java.time.Duration;

/**
 * The language switch in every console page's header: keeps the choice in a cookie and goes back to the page it was
 * pressed on. Open without a login, so the sign-in form switches too; it only ever goes back within the console.
 */
@Requires(beans = Listeners.class)
@Controller
final class LanguageController {

    @WithoutLogin
    @Get("/console/lang")
    HttpResponse<?> choose(@Nullable @QueryValue String to, @Nullable @QueryValue String back) {
        String language = ConsoleTexts.choose(to, null).getLanguage();
        return HttpResponse.seeOther(URI.create(withinConsole(back)))
                .cookie(Cookie.of(ConsoleTexts.COOKIE, language).path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax));
    }

    /** {@code back} if it is a console path, else the console's front page: never a way off to another site. */
    static String withinConsole(@Nullable String back) {
        if (back == null || !back.startsWith("/console/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return "/console/";
        }
        try {
            URI uri = URI.create(back);
            return uri.getScheme() == null && uri.getAuthority() == null ? back : "/console/";
        } catch (IllegalArgumentException e) {
            return "/console/";
        }
    }
}
