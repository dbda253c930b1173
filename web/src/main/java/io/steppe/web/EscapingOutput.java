package io.steppe.web;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * jte's HTML output, but text in element content is escaped as {@link Html} escapes it, quotes included, as Steppe's
 * pages always were and its SVG renderer still is: one rule for every page, whichever code wrote it. Attributes and
 * scripts keep jte's own escaping, which already covers quotes and drops {@code javascript:} links.
 */
final class EscapingOutput extends OwaspHtmlTemplateOutput {

    private boolean inText = true;

    EscapingOutput(TemplateOutput output) {
        super(output);
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        super.setContext(tagName, attributeName);
        inText = attributeName == null && !"script".equals(tagName) && !"style".equals(tagName);
    }

    @Override
    public void writeUserContent(String value) {
        if (value != null && inText) {
            writeContent(Html.escape(value));
        } else {
            super.writeUserContent(value);
        }
    }
}
