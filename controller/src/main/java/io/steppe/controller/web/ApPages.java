package io.steppe.controller.web;

/**
 * The AP pages' layout, stylesheet and where their assets are served. Not named {@code Html}: that is
 * {@link io.steppe.web.Html}, which {@link #escape} defers to.
 */
final class ApPages {

    private ApPages() {
    }

    /** Text made safe for HTML element content and quoted attributes. */
    static String escape(String text) {
        return io.steppe.web.Html.escape(text);
    }

    /** Where the AP pages' stylesheet and scripts are served ({@link ApConsoleAssets}). */
    static final String ASSETS = "/console/assets/aps/";

    /**
     * A page of the AP views; {@code script} names one of {@link ApConsoleAssets}' scripts, or is empty. Styles and
     * scripts are files of their own, never inline, so that the console's Content-Security-Policy can forbid inline code.
     */
    static String page(String title, String body, String script) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + ASSETS + ApConsoleAssets.STYLESHEET + "\"></head><body>" + body
                + (script.isEmpty() ? "" : "<script src=\"" + ASSETS + script + "\"></script>") + "</body></html>";
    }

    /** The AP pages' stylesheet. */
    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1c1e21}"
            + "header{background:#203040;color:#fff;padding:.75rem 1.25rem}header a{color:#cde}"
            + "main{padding:1rem 1.25rem}section{background:#fff;border-radius:.5rem;padding:1rem;margin-bottom:1rem}"
            + "table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e5e8}"
            + ".UP{color:#1b7f3b}.DEGRADED{color:#b26a00}.DOWN{color:#c62828}.UNREACHABLE{color:#6a1b9a}.UNKNOWN{color:#607080}"
            + ".badge{display:inline-block;padding:.2rem .6rem;margin-right:.5rem;border-radius:1rem;background:#eef0f3;font-weight:600}"
            + "svg{max-width:100%;height:auto;background:#eef3ea;border-radius:.5rem}.muted{color:#607080}";
}
