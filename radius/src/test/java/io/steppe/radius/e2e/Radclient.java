package io.steppe.radius.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Debian's {@code radclient}, FreeRADIUS's own client, as the gateway. */
final class Radclient {

    private Radclient() {
    }

    /** Sends one request (attribute lines as radclient reads them) and returns everything radclient printed. */
    static String send(int port, String type, String secret, String attributes) {
        try {
            Process p = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "2", "127.0.0.1:" + port, type, secret)
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("radclient hung");
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("radclient (Debian package freeradius-utils) must be installed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
