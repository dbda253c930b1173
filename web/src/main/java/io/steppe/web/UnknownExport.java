package io.steppe.web;

import java.util.List;
import java.util.stream.Collectors;

/** A {@code format} that the list asked for cannot be downloaded in. */
public final class UnknownExport extends RuntimeException {

    private final String format;
    private final String offered;

    UnknownExport(String format, List<Export> offered) {
        super(null, null, false, false);
        this.format = format;
        this.offered = offered.stream().map(Export::parameter).collect(Collectors.joining(", "));
    }

    /** What the caller reads, in their language. */
    String say(Texts t) {
        return t.get("export.unknown", format, offered);
    }
}
