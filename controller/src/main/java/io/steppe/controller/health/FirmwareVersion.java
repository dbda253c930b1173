package io.steppe.controller.health;

/** Compares firmware versions such as {@code 7.4.2} or {@code v7.10-r3} by their numbers, left to right. */
final class FirmwareVersion {

    private FirmwareVersion() {
    }

    static int compare(String a, String b) {
        String[] x = a.replaceAll("[^0-9]+", " ").trim().split(" ");
        String[] y = b.replaceAll("[^0-9]+", " ").trim().split(" ");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i]) : 0;
            long q = i < y.length && !y[i].isEmpty() ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
