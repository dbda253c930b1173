package io.steppe.portal.web;

import java.time.Duration;

/** A wait as the pages say it: seconds while it is short, whole minutes (rounded up) beyond two. */
final class Waits {

    private Waits() {
    }

    static String text(Messages m, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return seconds < 120 ? m.get("wait.seconds", seconds) : m.get("wait.minutes", (seconds + 59) / 60);
    }
}
