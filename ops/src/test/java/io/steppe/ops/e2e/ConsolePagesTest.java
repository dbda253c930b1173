package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.health.ApState;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.aggregate.CellStatus;
import io.steppe.coverage.aggregate.Severity;
import io.steppe.radius.coa.CoaResult;
import io.steppe.web.account.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every console page, in both languages, as each role opens it: a page in the console's layout, never a framework's
 * error body, a stack trace or a raw code name (a state, a role, a status) where a person reads.
 */
class ConsolePagesTest {

    static final List<String> PAGES = List.of("/console/", "/console/aps", "/console/alerts", "/console/sessions", "/console/gateways",
            "/console/vouchers", "/console/coverage", "/console/nodes", "/console/accounts", "/console/audit", "/console/no-such-page",
            "/console/aps/no-such-ap", "/console/coverage/gaps/999999");
    /** The code names a person must never read as they are. */
    static final Set<String> CODES = Stream.of(ApState.values(), Role.values(), CoaResult.Outcome.values(), GapStatus.values(), Severity.values(),
            CellStatus.values())
            .flatMap(Arrays::stream).map(Enum::name).collect(Collectors.toSet());
    static final Pattern TEXT = Pattern.compile(">([^<]+)<");

    static InProcessSteppe steppe;
    static final Http http = new Http();

    @BeforeAll
    static void start(@TempDir Path home) {
        steppe = InProcessSteppe.start(home, Map.of());
    }

    @AfterAll
    static void stop() {
        steppe.close();
    }

    @Test
    void everyPageInBothLanguagesIsAPageWithoutCodeNamesOrFrameworkErrors() {
        List<String> problems = new ArrayList<>();
        for (String user : List.of(InProcessSteppe.ADMIN, InProcessSteppe.OPERATOR, InProcessSteppe.PLANNER)) {
            String token = http.consoleToken(steppe.api, user, InProcessSteppe.PASSWORD);
            for (String language : List.of("zh-CN", "en")) {
                for (String path : PAGES) {
                    HttpResponse<String> page = http.get(steppe.api, path, "Cookie", "steppe_session=" + token, "Accept-Language", language);
                    String where = user + " " + language + " " + path + " (" + page.statusCode() + "): ";
                    String body = page.body();
                    if (!page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                        problems.add(where + "not a page: " + body);
                        continue;
                    }
                    if (!body.startsWith("<!DOCTYPE html>\n<html lang=\"" + language.substring(0, 2) + "\">")) {
                        problems.add(where + "not in the reader's language: " + body.substring(0, Math.min(200, body.length())));
                    }
                    if (body.contains("Exception") || body.contains("\tat ") || body.contains("_links") || body.contains("\"message\"")) {
                        problems.add(where + "a framework's error or a stack trace");
                    }
                    Matcher text = TEXT.matcher(body.replaceAll("(?s)<script.*?</script>", ""));
                    while (text.find()) {
                        for (String word : text.group(1).split("[^A-Za-z_]+")) {
                            if (CODES.contains(word)) {
                                problems.add(where + "shows the code name " + word + " in: " + text.group(1).strip());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMissingConsolePageIsTheConsolesOwnPageInTheReadersLanguage() {
        String token = http.consoleToken(steppe.api, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD);
        HttpResponse<String> missing = http.get(steppe.api, "/console/no-such-page", "Cookie", "steppe_session=" + token, "Accept-Language", "zh");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("控制台上没有这个页面。") && missing.body().contains("<a href=\"/console/\">返回控制台首页</a>"), missing.body());
        HttpResponse<String> refused = http.get(steppe.api, "/console/coverage", "Cookie", "steppe_session=" + token, "Accept-Language", "en");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("An account with the role operator may not open this page."), refused.body());
        HttpResponse<String> api = http.get(steppe.api, "/api/no-such-thing", "Authorization", "Bearer " + token);
        assertFalse(api.body().contains("<html"), "API callers keep their JSON: " + api.body());
    }
}
