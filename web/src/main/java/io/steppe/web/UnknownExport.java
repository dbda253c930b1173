package io.steppe.web;

import java.util.List;
import java.util.stream.Collectors;

/** A {@code format} that the list asked for cannot be downloaded in. */
public final class UnknownExport extends RuntimeException {

    UnknownExport(String format, List<Export> offered) {
        super("format '" + format + "' is not one of " + offered.stream().map(Export::parameter).collect(Collectors.joining(", ")),
                null, false, false);
    }
}
