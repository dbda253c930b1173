package io.steppe.controller.web;

import io.steppe.web.ConsoleBundle;
import jakarta.inject.Singleton;

/** The words of this module's console pages and of its APIs' human-readable fields, in Chinese and English. */
@Singleton
final class ControllerConsoleBundle implements ConsoleBundle {

    @Override
    public String baseName() {
        return "io.steppe.controller.console";
    }
}
