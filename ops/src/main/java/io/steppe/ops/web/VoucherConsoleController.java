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
import io.steppe.db.Database;
import io.steppe.db.keys.SecretKeys;
import io.steppe.portal.PortalSettings;
import io.steppe.radius.RadiusService;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.auth.VoucherRevocation;
import io.steppe.radius.auth.VoucherTermRefused.Term;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.ConsoleTexts;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /console/vouchers}: vouchers for tourist desks, issued in batches through the same {@link VoucherIssuer} as
 * {@code steppe voucher create}, printed once on a sheet of cards, and revoked singly, by code or by batch. Operators
 * run the tourist desks' supplies, so they and admins may; planners have no business with who gets online.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/vouchers")
@ExecuteOn(TaskExecutors.BLOCKING)
final class VoucherConsoleController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final String PAGE = "/console/vouchers";
    /** The most cards one sheet holds: a desk's stack, not the CLI's bulk. */
    static final int MAX_CARDS = 200;

    private final Database database;
    private final ConsoleLayout layout;
    private final ConsoleTexts texts;
    private final Clock clock;
    private final VoucherIssuer issuer;
    private final VoucherRevocation revocation;
    private final String portal;
    private final Templates templates = new Templates("io.steppe.ops.jte");

    VoucherConsoleController(Database database, SecretKeys keys, RadiusService radius, PortalSettings portal, ConsoleLayout layout,
                             ConsoleTexts texts, Clock clock) {
        this.database = database;
        this.layout = layout;
        this.texts = texts;
        this.clock = clock;
        this.issuer = new VoucherIssuer(database.dsl(), keys, clock, new SecureRandom());
        this.revocation = new VoucherRevocation(database.dsl(), keys, clock, radius.policy());
        this.portal = portal.publicUrl().toString();
    }

    @Get(produces = HTML)
    String page(HttpRequest<?> request, @Nullable @QueryValue Integer revoked) {
        Texts t = layout.texts(request);
        Instant now = clock.instant();
        VoucherListing listing = new VoucherListing(database.dsl());
        VouchersPage page = new VouchersPage(ConsoleRequest.csrf(request).orElse(""), UUID.randomUUID().toString(),
                new VouchersPage.Limits(MAX_CARDS, VoucherIssuer.MAX_MINUTES, VoucherIssuer.MAX_VALID_DAYS, VoucherIssuer.MAX_DEVICES),
                listing.batches(now), listing.newest(now), revoked);
        return layout.page(layout.page(request, t.get("vouchers.title"), Link.here(t.get("vouchers.heading"))),
                templates.content("vouchers.jte", Map.of("t", t, "page", page)));
    }

    /** Issues a batch and answers with its sheet, the only page that shows its codes; nothing keeps them. */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    HttpResponse<String> create(@Body Map<String, String> form, HttpRequest<?> request) {
        checkForm(request, form);
        int count = number(form, Term.COUNT, MAX_CARDS);
        int minutes = number(form, Term.MINUTES, VoucherIssuer.MAX_MINUTES);
        int validDays = number(form, Term.VALID_DAYS, VoucherIssuer.MAX_VALID_DAYS);
        int devices = number(form, Term.DEVICES, VoucherIssuer.MAX_DEVICES);
        UUID batch = batch(form.get("batch"));
        Instant validUntil = clock.instant().plus(Duration.ofDays(validDays));
        List<String> codes = issuer.issueBatch(batch, count, minutes, Duration.ofDays(validDays), devices, ConsoleRequest.actor(request));
        Texts t = layout.texts(request);
        VoucherSheet sheet = VoucherSheet.of(batch.toString(), codes, minutes, validUntil, devices, portal,
                texts.of(ConsoleTexts.CHINESE), texts.of(ConsoleTexts.ENGLISH));
        String html = layout.page(layout.page(request, t.get("sheet.title"), new Link(t.get("vouchers.heading"), PAGE),
                Link.here(t.get("sheet.heading"))), templates.content("voucher-sheet.jte", Map.of("t", t, "sheet", sheet)));
        // the codes are credentials: no cache, no proxy, no back button may keep them
        return HttpResponse.ok(html).contentType(HTML).header("Cache-Control", "no-store");
    }

    /** Revokes the voucher of a code typed in, a listed voucher, or a whole batch; back to the list saying how many. */
    @Post(uri = "/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(@Body Map<String, String> form, HttpRequest<?> request) {
        checkForm(request, form);
        String actor = ConsoleRequest.actor(request);
        int revoked;
        if (filled(form.get("batch"))) {
            revoked = revocation.batch(batch(form.get("batch")), actor);
        } else if (filled(form.get("voucher"))) {
            revoked = revocation.voucher(listed(form.get("voucher")), actor);
        } else if (filled(form.get("code"))) {
            revoked = revocation.code(form.get("code"), actor);
        } else {
            throw new ConsoleFormRefused(HttpStatus.BAD_REQUEST, PAGE, "vouchers.revoke.what");
        }
        return HttpResponse.seeOther(URI.create(PAGE + "?revoked=" + revoked));
    }

    private static void checkForm(HttpRequest<?> request, Map<String, String> form) {
        if (!ConsoleRequest.formCameFromThisSession(request, form.get("csrf"))) {
            throw ConsoleFormRefused.forged(PAGE);
        }
    }

    private static boolean filled(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The whole number in the field of {@code term} (its name in lower case), refused naming the term and its range
     * when it is none; the range itself is the issuer's rule ({@link VoucherIssuer}), but for the sheet's size.
     */
    private static int number(Map<String, String> form, Term term, int max) {
        try {
            int value = Integer.parseInt(form.getOrDefault(term.name().toLowerCase(Locale.ROOT), "").trim());
            if (term != Term.COUNT || value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the field
        }
        throw new ConsoleFormRefused(HttpStatus.BAD_REQUEST, PAGE, "vouchers.range." + term.name(), max);
    }

    /** A voucher as the list names it (the subscriber it is). */
    private static long listed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ConsoleFormRefused(HttpStatus.BAD_REQUEST, PAGE, "vouchers.revoke.what");
        }
    }

    private static UUID batch(@Nullable String text) {
        try {
            return UUID.fromString(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new ConsoleFormRefused(HttpStatus.BAD_REQUEST, PAGE, "vouchers.batch.bad");
        }
    }
}
