package io.steppe.ops.web;

import io.steppe.web.ConsoleBundle;
import jakarta.inject.Singleton;

/** The words of this module's console pages and of its APIs' human-readable fields, in Chinese and English. */
@Singleton
final class OpsConsoleBundle implements ConsoleBundle {

    @Override
    public String baseName() {
        return "io.steppe.ops.console";
    }
}
