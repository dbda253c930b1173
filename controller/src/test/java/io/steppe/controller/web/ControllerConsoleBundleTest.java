package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Words;
import io.steppe.web.ConsoleTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerConsoleBundleTest {

    @Test
    void everyKeyIsInEveryLanguage() {
        assertEquals(List.of(), ConsoleTexts.untranslated(new ControllerConsoleBundle().baseName()));
    }

    @Test
    void everyStateHasItsWords() {
        Words english = Words.english();
        for (ApState state : ApState.values()) {
            assertNotEquals("ApState." + state.name(), english.of(state));
        }
    }
}
