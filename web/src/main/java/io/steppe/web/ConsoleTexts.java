package io.steppe.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Chooses the console's language for a request and hands out its {@link Texts}. The console speaks Chinese and
 * English: the language a person picked (the {@value #COOKIE} cookie, set by the switch in every page's header),
 * else Chinese for a browser that asks for Chinese before English, else English. Each module's pages have a bundle of
 * their own ({@link ConsoleBundle}); this module's {@code io.steppe.web.console} comes first.
 */
@Singleton
public final class ConsoleTexts {

    /** The cookie that keeps the language a person chose. */
    public static final String COOKIE = "steppe_lang";
    public static final Locale CHINESE = Locale.CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The console's languages, in the order the switch lists them. */
    public static final List<Locale> LANGUAGES = List.of(CHINESE, ENGLISH);
    static final String OWN_BUNDLE = "io.steppe.web.console";

    private final List<String> bundles;
    private final ZoneId zone;
    private final Clock clock;

    ConsoleTexts(List<ConsoleBundle> modules, @Nullable ConsoleSettings settings) {
        List<String> names = new ArrayList<>();
        names.add(OWN_BUNDLE);
        modules.forEach(m -> names.add(m.baseName()));
        this.bundles = List.copyOf(names);
        ConsoleSettings s = settings == null ? ConsoleSettings.defaults() : settings;
        this.zone = s.zone();
        this.clock = s.clock();
    }

    /** The texts in the language this request's person reads. */
    public Texts of(HttpRequest<?> request) {
        return of(choose(request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null),
                request.getHeaders().get("Accept-Language")));
    }

    /** The texts in {@code locale}, which must be one of {@link #LANGUAGES}. */
    public Texts of(Locale locale) {
        List<ResourceBundle> loaded = new ArrayList<>(bundles.size());
        for (String name : bundles) {
            try {
                loaded.add(ResourceBundle.getBundle(name, locale, ConsoleTexts.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                throw new IllegalStateException("console bundle " + name + " is not on the class path", e);
            }
        }
        return new Texts(locale, loaded, zone, clock);
    }

    /**
     * The keys of bundle {@code baseName} that one of the console's languages has and another lacks, each named with
     * the language that lacks it: what a module's test asserts empty, so that no page falls back to English or a key.
     */
    public static List<String> untranslated(String baseName) {
        // a bundle's keySet() holds its parents' keys too, so each language's own file is read as it is
        List<java.util.Set<String>> own = new ArrayList<>();
        for (Locale l : LANGUAGES) {
            String file = baseName.replace('.', '/') + (l.equals(ENGLISH) ? "" : "_" + l.getLanguage()) + ".properties";
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = ConsoleTexts.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is not on the class path");
                }
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            own.add(p.stringPropertyNames());
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        own.forEach(keys::addAll);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            for (String key : keys) {
                if (!own.get(i).contains(key)) {
                    missing.add(LANGUAGES.get(i).getLanguage() + ": " + key);
                }
            }
        }
        return missing;
    }

    /**
     * The language for a person who chose {@code chosen} (or nobody chose) with a browser asking for
     * {@code acceptLanguage}: the choice if it is one of ours, else the first of ours the browser ranks, else English.
     */
    static Locale choose(@Nullable String chosen, @Nullable String acceptLanguage) {
        for (Locale l : LANGUAGES) {
            if (l.getLanguage().equals(chosen)) {
                return l;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                // parse() orders the ranges by the browser's weights
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-", 2)[0];
                    for (Locale l : LANGUAGES) {
                        if (l.getLanguage().equals(language)) {
                            return l;
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}
