package io.steppe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTextsTest {

    static final Instant NOW = Instant.parse("2026-12-04T14:43:45.154675410Z");
    final ConsoleTexts texts = new ConsoleTexts(List.of(),
            new ConsoleSettings(ZoneId.of("Asia/Shanghai"), Clock.fixed(NOW, ZoneOffset.UTC), CityBounds.ULANQAB));

    @Test
    void chineseBrowsersGetChineseAndEveryoneElseEnglishUnlessTheyChose() {
        assertEquals("zh", ConsoleTexts.choose(null, "zh-CN,zh;q=0.9,en;q=0.8").getLanguage());
        assertEquals("zh", ConsoleTexts.choose(null, "en;q=0.5,zh-TW;q=0.9").getLanguage(), "the browser's weights decide");
        assertEquals("en", ConsoleTexts.choose(null, "ru-RU,ru;q=0.9,en;q=0.8,zh;q=0.7").getLanguage());
        assertEquals("en", ConsoleTexts.choose(null, "mn").getLanguage());
        assertEquals("en", ConsoleTexts.choose(null, null).getLanguage());
        assertEquals("en", ConsoleTexts.choose(null, ";;;q=x").getLanguage(), "a malformed header is no error");
        assertEquals("en", ConsoleTexts.choose("en", "zh-CN").getLanguage(), "a reader's choice beats the browser");
        assertEquals("zh", ConsoleTexts.choose("zh", "en").getLanguage());
        assertEquals("zh", ConsoleTexts.choose("fr", "zh").getLanguage(), "a choice we do not speak is ignored");
    }

    @Test
    void timesAreInTheCitysZoneToTheSecondWithTheirAge() {
        Texts zh = texts.of(ConsoleTexts.CHINESE);
        Texts en = texts.of(ConsoleTexts.ENGLISH);
        assertEquals("2026-12-04 22:43:45", zh.time(NOW));
        assertEquals("2026-12-04 22:40:45（3 分钟前）", zh.when(NOW.minusSeconds(180)));
        assertEquals("2026-12-04 22:40:45 (3 min ago)", en.when(NOW.minusSeconds(180)));
        assertEquals("刚刚", zh.age(NOW.minusSeconds(2)));
        assertEquals("2 h 5 min ago", en.age(NOW.minus(Duration.ofMinutes(125))));
        assertEquals("3 天 2 小时前", zh.age(NOW.minus(Duration.ofHours(74))));
        assertEquals("1 h", en.duration(Duration.ofSeconds(3610)));
    }

    @Test
    void namedValuesAndMissingKeysShowThemselvesReadably() {
        Texts zh = texts.of(ConsoleTexts.CHINESE);
        assertEquals("管理员", zh.of(io.steppe.web.account.Role.ADMIN));
        assertEquals("no.such.key", zh.get("no.such.key"), "a gap shows as its key, which the bundle test catches");
    }

    @Test
    void everyConsoleWordIsInEveryLanguage() {
        assertEquals(List.of(), ConsoleTexts.untranslated(ConsoleTexts.OWN_BUNDLE));
    }

    @Test
    void theLanguageSwitchOnlyGoesBackWithinTheConsole() {
        assertEquals("/console/aps?state=DOWN", LanguageController.withinConsole("/console/aps?state=DOWN"));
        assertEquals("/console/", LanguageController.withinConsole("https://evil.example/console/"));
        assertEquals("/console/", LanguageController.withinConsole("//evil.example/console/"));
        assertEquals("/console/", LanguageController.withinConsole("/console/\\evil"));
        assertEquals("/console/", LanguageController.withinConsole(null));
    }
}
