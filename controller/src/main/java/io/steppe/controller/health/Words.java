package io.steppe.controller.health;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Where reasons and alerts find their words: the console's texts in the reader's language (the web layer adapts its
 * {@code Texts}), or {@link #english()} for the log and the webhook, which have no reader to ask.
 */
public interface Words {

    /** The bundle that holds this module's words, the console's and the webhook's alike. */
    String BUNDLE = "io.steppe.controller.console";

    /** The text of {@code key} with {@code args} placed as {@link MessageFormat} places them. */
    String get(String key, Object... args);

    /** A moment as the reader should see it. */
    String time(Instant at);

    /** A state's name ({@code ApState.DOWN}). */
    default String of(Enum<?> value) {
        return get(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** English, with times as ISO-8601 instants to the second: for the log and machine readers such as a pager. */
    static Words english() {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Words.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Words() {
            @Override
            public String get(String key, Object... args) {
                try {
                    return new MessageFormat(bundle.getString(key), Locale.ENGLISH).format(args);
                } catch (MissingResourceException e) {
                    return key;
                }
            }

            @Override
            public String time(Instant at) {
                return at.truncatedTo(ChronoUnit.SECONDS).toString();
            }
        };
    }
}
