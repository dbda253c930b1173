package io.steppe.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * One module's jte templates, compiled to Java at build time (the {@code jte-maven-plugin}'s {@code generate} goal,
 * into the module's own package, so that template classes never collide across modules). Rendering needs no
 * template compiler and escapes every expression as {@link Html} does, in element content and attributes alike.
 */
public final class Templates {

    private final TemplateEngine engine;

    /** The templates generated into {@code packageName}, e.g. {@code io.steppe.web.jte}. */
    public Templates(String packageName) {
        // jte loads precompiled templates through the context class loader of the thread that creates the engine,
        // which for a bean made on a server thread need not be the one that loaded Steppe
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, packageName);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A template whose one parameter is {@code model}, as a string. */
    public String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, new EscapingOutput(out));
        return out.toString();
    }

    /** A template whose parameters are named, as a string. */
    public String render(String template, Map<String, Object> parameters) {
        StringOutput out = new StringOutput();
        engine.render(template, parameters, new EscapingOutput(out));
        return out.toString();
    }

    /** A template as content for another module's template (the console layout) to place; rendered when placed. */
    public Content content(String template, Object model) {
        return out -> engine.render(template, model, out);
    }

    /** The same, for a template whose parameters are named (typically {@code t}, the reader's {@link Texts}, and a model). */
    public Content content(String template, Map<String, Object> parameters) {
        return out -> engine.render(template, parameters, out);
    }
}
