package io.steppe.ops.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.web.ConsoleTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminConsoleBundleTest {

    @Test
    void everyWordOfTheAdminPagesIsInChineseAndEnglish() {
        assertEquals(List.of(), ConsoleTexts.untranslated(AdminConsoleBundle.BASE_NAME));
    }

    @Test
    void everyVoucherStateHasItsWordsAndNoneIsRevocableOnceFinal() {
        java.util.Properties en = new java.util.Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("io/steppe/ops/admin.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (VoucherState s : VoucherState.values()) {
            assertTrue(en.containsKey("VoucherState." + s.name()), s.name());
        }
    }
}
