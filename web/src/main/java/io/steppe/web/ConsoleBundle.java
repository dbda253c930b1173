package io.steppe.web;

/**
 * A module's console words: a bean naming the base name of its resource bundle ({@code console.properties} for
 * English, {@code console_zh.properties} for Chinese, UTF-8), which {@link ConsoleTexts} consults after the
 * console's own.
 */
public interface ConsoleBundle {

    /** The bundle's base name, e.g. {@code io.steppe.controller.console}. */
    String baseName();
}
