package io.steppe.portal.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The portal's words in Chinese (the default), English, Mongolian (Cyrillic) and Russian, from message bundles.
 * Public for the portal's templates, which say everything through it.
 */
public final class Messages {

    /** The languages offered, in the order the switcher shows them. */
    static final List<String> LANGUAGES = List.of("zh", "en", "mn", "ru");
    /** Each language's name in itself. */
    static final Map<String, String> NAMES = Map.of("zh", "中文", "en", "English", "mn", "Монгол", "ru", "Русский");

    /** Each language's words, loaded once: every page asks, and looking a bundle up is not free. */
    private static final Map<String, Messages> BY_LANGUAGE = LANGUAGES.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(l -> l, Messages::new));

    private final String language;
    private final ResourceBundle bundle;

    private Messages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("io.steppe.portal.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The language asked for on the page ({@code lang}), else the first of {@code Accept-Language} offered, else Chinese. */
    static Messages choose(Optional<String> asked, Optional<String> acceptLanguage) {
        if (asked.isPresent() && LANGUAGES.contains(asked.get())) {
            return BY_LANGUAGE.get(asked.get());
        }
        if (acceptLanguage.isPresent()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage.get())) {
                    String primary = range.getRange().split("-")[0];
                    if (LANGUAGES.contains(primary)) {
                        return BY_LANGUAGE.get(primary);
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header is as good as none
            }
        }
        return BY_LANGUAGE.get("zh");
    }

    /** The language's tag: {@code zh}, {@code en}, {@code mn} or {@code ru}. */
    public String language() {
        return language;
    }

    /** The words for {@code key}, with {@code arguments} put in as the language writes them. */
    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }

}
