package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.web.account.Account;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.ConsoleSessions;
import io.steppe.web.account.LoginAttempt;
import io.steppe.web.account.LoginThrottle;
import io.steppe.web.account.Role;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console login: {@code POST /api/login} with JSON for API clients (answers a bearer token), and the
 * {@code /console/login} form for people (sets the session cookie). Both are throttled per account and per
 * client address ({@link LoginThrottle}); while throttled even the right password is answered 429, so that
 * guessing stays slow however the guesses are spread.
 */
@Requires(beans = Listeners.class)
@Allowed({Role.OPERATOR, Role.PLANNER, Role.ADMIN})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);
    private static final String WRONG = WrongCredentials.MESSAGE;

    private final AccountRepository accounts;
    private final ConsoleSessions sessions;
    private final ConsolePages pages;
    private final LoginThrottle throttle;
    private final ConsoleLayout layout;

    LoginController(AccountRepository accounts, ConsoleSessions sessions, ConsolePages pages, LoginThrottle throttle, ConsoleLayout layout) {
        this.layout = layout;
        this.accounts = accounts;
        this.sessions = sessions;
        this.pages = pages;
        this.throttle = throttle;
    }

    /** The JSON body of {@code POST /api/login}. */
    @Serdeable
    record Credentials(@Nullable String username, @Nullable String password) {
    }

    @WithoutLogin
    @Post(uri = "/api/login", consumes = MediaType.APPLICATION_JSON)
    Map<String, Object> apiLogin(@Body Credentials credentials, HttpRequest<?> request) {
        if (credentials.username() == null || credentials.username().isBlank()) {
            throw new MissingField("username");
        }
        if (credentials.password() == null || credentials.password().isEmpty()) {
            throw new MissingField("password");
        }
        Account account = authenticate(credentials.username(), credentials.password(), request).orElseThrow(WrongCredentials::new);
        String token = sessions.open(account);
        return Map.of("token", token, "role", account.role().value(), "expires_in", sessions.lifetime().toSeconds());
    }

    @Post("/api/logout")
    HttpResponse<?> apiLogout(HttpRequest<?> request) {
        ConsoleAuthFilter.token(request).ifPresent(sessions::close);
        return HttpResponse.noContent();
    }

    @WithoutLogin
    @Get(uri = "/console/login", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String loginForm(HttpRequest<?> request) {
        return pages.login(request, null);
    }

    @WithoutLogin
    @Post(uri = "/console/login", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> formLogin(@Body Map<String, String> form, HttpRequest<?> request) {
        Optional<Account> account = authenticate(form.get("username"), form.get("password"), request);
        if (account.isEmpty()) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).body(pages.login(request, layout.texts(request).get("login.wrong")));
        }
        String token = sessions.open(account.get());
        Cookie cookie = Cookie.of(ConsoleAuthFilter.COOKIE, token).httpOnly(true).secure(request.isSecure()).sameSite(SameSite.Strict)
                .path("/").maxAge(sessions.lifetime());
        return HttpResponse.<String>seeOther(URI.create("/console/")).cookie(cookie);
    }

    @Post(uri = "/console/logout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    HttpResponse<?> formLogout(HttpRequest<?> request) {
        ConsoleAuthFilter.token(request).ifPresent(sessions::close);
        return HttpResponse.seeOther(URI.create("/console/login"))
                .cookie(Cookie.of(ConsoleAuthFilter.COOKIE, "").path("/").maxAge(0));
    }

    /** @throws LoginThrottledException while this account or this address must wait; its password is not checked */
    private Optional<Account> authenticate(@Nullable String username, @Nullable String password, HttpRequest<?> request) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        LoginAttempt attempt = LoginAttempt.of(username, request.getRemoteAddress().getAddress());
        throttle.delay(attempt).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        Optional<Account> account = accounts.authenticate(username.trim(), password.toCharArray());
        if (account.isEmpty()) {
            throttle.failed(attempt, WRONG);
            LOG.warn("Console login refused for user name '{}' from {}", attempt.username(), attempt.address());
        } else {
            throttle.succeeded(attempt);
        }
        return account;
    }
}
