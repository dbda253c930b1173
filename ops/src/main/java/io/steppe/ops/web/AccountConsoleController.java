package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsoleLayout.Notice;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Account;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/accounts}, admins only: console accounts and their roles, through the same
 * {@link AccountRepository} as {@code steppe user add}. A password an admin does not type is generated and shown once.
 * The console never takes away the last admin, nor an admin's own role or account: someone must be left to manage it.
 */
@Allowed(Role.ADMIN)
@Controller("/console/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountConsoleController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final String PAGE = "/console/accounts";

    private final AccountRepository accounts;
    private final ConsoleLayout layout;
    private final SecureRandom random = new SecureRandom();
    private final Templates templates = new Templates("io.steppe.ops.jte");

    AccountConsoleController(AccountRepository accounts, ConsoleLayout layout) {
        this.accounts = accounts;
        this.layout = layout;
    }

    @Get(produces = HTML)
    String page(HttpRequest<?> request, @Nullable @QueryValue String done) {
        Texts t = layout.texts(request);
        Map<Long, java.time.Instant> signIns = accounts.lastSignIns();
        List<AccountsPage.Row> rows = accounts.list().stream().map(a -> new AccountsPage.Row(a, signIns.get(a.id()))).toList();
        String doneKey = done != null && t.has("accounts.done." + done) ? "accounts.done." + done : null;
        AccountsPage page = new AccountsPage(ConsoleRequest.csrf(request).orElse(""), ConsoleRequest.actor(request), rows,
                List.of(Role.values()), doneKey);
        return layout.page(layout.page(request, t.get("accounts.title"), Link.here(t.get("accounts.heading"))),
                templates.content("accounts.jte", Map.of("t", t, "page", page)));
    }

    /** Adds an account; without a typed password, one is generated and shown on the answer, once. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    HttpResponse<String> add(@Body Map<String, String> form, HttpRequest<?> request) {
        checkForm(request, form);
        String username = form.getOrDefault("username", "").trim();
        if (!Account.isValidUsername(username)) {
            throw refused("accounts.error.name");
        }
        Role role = role(form.get("role"));
        if (accounts.list().stream().anyMatch(a -> a.username().equals(username))) {
            throw refused("accounts.error.taken", username);
        }
        String typed = form.getOrDefault("password", "");
        if (!typed.isEmpty()) {
            if (!PasswordHasher.acceptable(typed.toCharArray())) {
                throw refused("accounts.error.password", PasswordHasher.MIN_LENGTH);
            }
            accounts.add(username, role, typed.toCharArray(), ConsoleRequest.actor(request));
            return HttpResponse.seeOther(URI.create(PAGE + "?done=added"));
        }
        String generated = PasswordHasher.generate(random);
        accounts.add(username, role, generated.toCharArray(), ConsoleRequest.actor(request));
        return passwordShownOnce(request, "accounts.added.password", username, generated);
    }

    @Post(uri = "/role", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> role(@Body Map<String, String> form, HttpRequest<?> request) {
        checkForm(request, form);
        String username = form.getOrDefault("username", "");
        Role role = role(form.get("role"));
        if (username.equals(ConsoleRequest.actor(request)) && role != Role.ADMIN) {
            throw refused("accounts.error.ownRole");
        }
        if (!accounts.changeRole(username, role, ConsoleRequest.actor(request))) {
            throw refused("accounts.error.unknown", username);
        }
        return HttpResponse.seeOther(URI.create(PAGE + "?done=role"));
    }

    /** A new generated password, shown once; the account's sessions end with the old one. */
    @Post(uri = "/password", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    HttpResponse<String> resetPassword(@Body Map<String, String> form, HttpRequest<?> request) {
        checkForm(request, form);
        String username = form.getOrDefault("username", "");
        String generated = PasswordHasher.generate(random);
        if (!accounts.resetPassword(username, generated.toCharArray(), ConsoleRequest.actor(request))) {
            throw refused("accounts.error.unknown", username);
        }
        return passwordShownOnce(request, "accounts.reset.password", username, generated);
    }

    @Post(uri = "/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(@Body Map<String, String> form, HttpRequest<?> request) {
        checkForm(request, form);
        String username = form.getOrDefault("username", "");
        if (username.equals(ConsoleRequest.actor(request))) {
            throw refused("accounts.error.self");
        }
        if (!accounts.removeKeepingAnAdmin(username, ConsoleRequest.actor(request))) {
            throw refused("accounts.error.unknown", username);
        }
        return HttpResponse.seeOther(URI.create(PAGE + "?done=removed"));
    }

    private HttpResponse<String> passwordShownOnce(HttpRequest<?> request, String key, String username, String password) {
        Texts t = layout.texts(request);
        String html = layout.notice(layout.page(request, t.get("accounts.title"), new Link(t.get("accounts.heading"), PAGE),
                Link.here(username)), new Notice(t.get(key, username, password), false, new Link(t.get("form.back"), PAGE)));
        return HttpResponse.ok(html).contentType(HTML).header("Cache-Control", "no-store");
    }

    private static Role role(@Nullable String text) {
        for (Role r : Role.values()) {
            if (r.value().equals(text)) {
                return r;
            }
        }
        throw refused("accounts.error.role");
    }

    private static void checkForm(HttpRequest<?> request, Map<String, String> form) {
        if (!ConsoleRequest.formCameFromThisSession(request, form.get("csrf"))) {
            throw ConsoleFormRefused.forged(PAGE);
        }
    }

    private static ConsoleFormRefused refused(String key, Object... args) {
        return new ConsoleFormRefused(HttpStatus.BAD_REQUEST, PAGE, key, args);
    }
}
