package io.steppe.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Crowd samples in the shape of the whole city: phones all over Ulanqab's extent (about 40.2–43.3 N,
 * 110.4–114.8 E, 54,500 km² of city in that box), half of the samples near a town (within a few kilometres of one of
 * its eleven seats, approximate positions), half anywhere, from a pool of phones, a sample whenever an app wakes
 * up between 06:00 and 22:00. Signal falls with the distance to the nearest town, so the open steppe has weak
 * and missing coverage. The same seed gives the same rows.
 */
final class CitySpread {

    static final double SOUTH = 40.2;
    static final double NORTH = 43.3;
    static final double WEST = 110.4;
    static final double EAST = 114.8;
    /** County and banner seats, {lat, lon}, approximate. */
    private static final double[][] TOWNS = {{41.03, 113.13}, {40.44, 113.15}, {40.53, 112.50}, {40.90, 112.57}, {40.87, 113.83},
        {41.56, 113.53}, {41.90, 114.01}, {40.78, 113.21}, {41.28, 112.63}, {41.44, 113.19}, {41.52, 111.70}};
    private static final String[] OPERATORS = {"00", "01", "11"};
    private static final double KM_PER_DEGREE = 111.2;

    private final SplittableRandom random;
    private final int phones;

    CitySpread(long seed, int phones) {
        this.random = new SplittableRandom(seed);
        this.phones = phones;
    }

    /** Writes {@code rows} samples as the contract CSV, header first, over {@code days} days from {@code start}. */
    long write(Writer out, Instant start, int days, long rows) throws IOException {
        out.write("timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id\n");
        StringBuilder line = new StringBuilder(96);
        for (long i = 0; i < rows; i++) {
            double lat;
            double lon;
            if (random.nextBoolean()) {
                double[] town = TOWNS[random.nextInt(TOWNS.length)];
                // about 3 km around the seat
                lat = town[0] + gaussian() * 3 / KM_PER_DEGREE;
                lon = town[1] + gaussian() * 3 / (KM_PER_DEGREE * Math.cos(Math.toRadians(town[0])));
            } else {
                lat = SOUTH + random.nextDouble() * (NORTH - SOUTH);
                lon = WEST + random.nextDouble() * (EAST - WEST);
            }
            double km = nearestTownKm(lat, lon);
            long at = start.toEpochMilli() + 86_400_000L * random.nextInt(days) + 3_600_000L * (6 + random.nextInt(16))
                    + random.nextInt(3_600_000);
            String operator = OPERATORS[random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2];
            line.setLength(0);
            line.append(Instant.ofEpochMilli(at)).append(',').append(String.format(Locale.ROOT, "%.5f,%.5f", lat, lon))
                    .append(",460,").append(operator);
            // beyond ~60 km from a town a phone finds no 4G more often than not
            if (random.nextDouble() < Math.min(0.9, km / 70)) {
                line.append(",NONE,");
            } else {
                int rsrp = (int) Math.round(-78 - 0.9 * km + gaussian() * 8);
                line.append(",LTE,").append(Math.max(-140, Math.min(-44, rsrp)));
            }
            line.append(",phone-").append(random.nextInt(phones)).append('\n');
            out.append(line);
        }
        return rows;
    }

    private double gaussian() {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double nearestTownKm(double lat, double lon) {
        double best = Double.MAX_VALUE;
        for (double[] t : TOWNS) {
            double dy = (lat - t[0]) * KM_PER_DEGREE;
            double dx = (lon - t[1]) * KM_PER_DEGREE * Math.cos(Math.toRadians(lat));
            best = Math.min(best, Math.hypot(dx, dy));
        }
        return best;
    }
}
