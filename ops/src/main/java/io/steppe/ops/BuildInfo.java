package io.steppe.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What build this is: the version, the commit it was built from and when, written into {@code build.properties}
 * by the build, so that an operator can tell which Steppe a node runs.
 */
public record BuildInfo(String version, String commit, String built) {

    /** The build of the running code; "unknown" for what the build could not tell. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar without the file still runs; it only cannot say its build
        }
        return new BuildInfo(known(p, "version"), known(p, "commit"), known(p, "built"));
    }

    private static String known(Properties p, String key) {
        String value = p.getProperty(key, "");
        return value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    /** One line, e.g. {@code steppe 0.1.0 (commit 1a2b3c4d5e6f, built 2026-12-06T05:40:00Z)}. */
    public String line() {
        return "steppe " + version + " (commit " + commit + ", built " + built + ")";
    }
}
