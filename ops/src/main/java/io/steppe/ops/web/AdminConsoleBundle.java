package io.steppe.ops.web;

import io.steppe.web.ConsoleBundle;
import jakarta.inject.Singleton;

/** The words of the admin pages (vouchers, accounts, audit), in Chinese and English. */
@Singleton
final class AdminConsoleBundle implements ConsoleBundle {

    static final String BASE_NAME = "io.steppe.ops.admin";

    @Override
    public String baseName() {
        return BASE_NAME;
    }
}
