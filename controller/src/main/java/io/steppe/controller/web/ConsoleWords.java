package io.steppe.controller.web;

import io.steppe.controller.health.Words;
import io.steppe.web.Texts;
import java.time.Instant;

/** The reader's {@link Texts} as the words reasons and alerts are told in: times in the city's zone to the second. */
final class ConsoleWords implements Words {

    private final Texts texts;

    ConsoleWords(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String get(String key, Object... args) {
        return texts.get(key, args);
    }

    @Override
    public String time(Instant at) {
        return texts.time(at);
    }
}
