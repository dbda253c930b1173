package io.steppe.coverage.demo;

import io.steppe.coverage.place.Place;
import io.steppe.coverage.place.PlaceKind;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * An Ulanqab-like city around Jining (41.03 N, 113.13 E): four districts, five roads, villages along them, three
 * scenic spots, and phones of China Mobile (46000), Unicom (46001) and Telecom (46011) driving the roads at 1 Hz
 * logging every fifth second, 07:00–21:00 local time. Signal is good (about −85 dBm) except in the
 * {@link #GAPS planted gaps}.
 */
public final class SyntheticCity {

    public static final List<String> OPERATORS = List.of("46000", "46001", "46011");
    /** The gaps hidden in the samples: what the pipeline must find, and nothing else. */
    public static final List<PlantedGap> GAPS = List.of(
            new PlantedGap("G6 east cut", 41.0375, 113.4050, 1500, java.util.Set.of("46000"), "none"),
            new PlantedGap("Huitengxile approach", 41.0900, 112.7000, 1200, java.util.Set.copyOf(OPERATORS), "none"),
            new PlantedGap("Daihai south", 40.6600, 112.7450, 1200, java.util.Set.of("46001"), "poor"),
            new PlantedGap("X601 hills", 41.1600, 113.2900, 1000, java.util.Set.of("46011"), "poor"));

    private static final GeometryFactory GEO = new GeometryFactory();
    private static final double[][][] ROADS = {
            {{40.9800, 112.8500}, {41.0300, 113.1300}, {41.0400, 113.3000}, {41.0350, 113.5000}},
            {{41.0300, 113.1300}, {41.2000, 113.0600}, {41.4500, 112.9500}},
            {{41.0300, 113.1300}, {40.8500, 112.9000}, {40.6600, 112.7450}, {40.5600, 112.6700}},
            {{41.0300, 113.1300}, {41.0700, 112.9000}, {41.0900, 112.7000}, {41.1030, 112.6390}},
            {{41.0300, 113.1300}, {41.1600, 113.2900}, {41.2500, 113.4000}}};
    private static final String[] ROAD_NAMES = {"G6 Jingzang Expressway", "G55 Erguang Expressway", "G208", "Huitengxile Road", "X601"};
    private static final String[] VILLAGE_NAMES = {"Bayin", "Honggeer", "Wulan", "Saihan", "Tumen", "Xilin", "Dahai", "Shilipu",
            "Gaolintai", "Baiyinchagan", "Hulun", "Manhan", "Chaganbulag", "Xinghe", "Tianpi", "Maohu", "Sanyi", "Hadatu",
            "Bailing", "Ulan Tolgoi"};

    private final long seed;

    public SyntheticCity(long seed) {
        this.seed = seed;
    }

    public List<Place> places() {
        List<Place> places = new ArrayList<>();
        places.add(district("Jining District", 40.93, 112.98, 41.13, 113.28));
        places.add(district("Chahar Right Front Banner", 40.93, 113.28, 41.30, 113.60));
        places.add(district("Liangcheng County", 40.45, 112.55, 40.93, 113.05));
        places.add(district("Chahar Right Middle Banner", 41.13, 112.55, 41.50, 113.28));
        for (int r = 0; r < ROADS.length; r++) {
            places.add(new Place(PlaceKind.ROAD, ROAD_NAMES[r], 0, line(ROADS[r])));
        }
        SplittableRandom random = new SplittableRandom(seed);
        int v = 0;
        for (int r = 0; r < ROADS.length; r++) {
            for (int k = 1; k <= 4; k++) {
                double[] p = along(ROADS[r], k / 5.0 + 0.05);
                double offset = (random.nextDouble() - 0.5) * 0.01;
                places.add(new Place(PlaceKind.VILLAGE, VILLAGE_NAMES[v++ % VILLAGE_NAMES.length], 150 + random.nextInt(1800),
                        GEO.createPoint(new Coordinate(p[1] + offset, p[0] + offset / 2))));
            }
        }
        // villages next to two of the planted gaps, so that the ranking has something to weigh
        places.add(new Place(PlaceKind.VILLAGE, "Dongsumu", 2400, GEO.createPoint(new Coordinate(113.4080, 41.0420))));
        places.add(new Place(PlaceKind.VILLAGE, "Daihai Nancun", 900, GEO.createPoint(new Coordinate(112.7420, 40.6560))));
        places.add(new Place(PlaceKind.SCENIC, "Huitengxile Grassland", 0, GEO.createPoint(new Coordinate(112.7030, 41.0940))));
        places.add(new Place(PlaceKind.SCENIC, "Daihai Lake", 0, GEO.createPoint(new Coordinate(112.6700, 40.5600))));
        places.add(new Place(PlaceKind.SCENIC, "Jining Old Town", 0, GEO.createPoint(new Coordinate(113.1330, 41.0336))));
        return places;
    }

    /**
     * Writes the contract CSV: {@code days} days from {@code start}, {@code tripsPerDay} trips per operator and day,
     * a row every {@code everySeconds} seconds at 60 km/h. Returns the rows written.
     */
    public long writeSamples(Writer out, Instant start, int days, int tripsPerDay, int everySeconds) throws IOException {
        return writeSamples(out, start, days, tripsPerDay, everySeconds, Long.MAX_VALUE);
    }

    /** As above, stopping after {@code maxRows} rows. */
    public long writeSamples(Writer out, Instant start, int days, int tripsPerDay, int everySeconds, long maxRows) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        out.write("timestamp,lat,lon,mcc,mnc,rat,rsrp,sinr,device_id\n");
        long rows = 0;
        double step = 60 / 3.6 * everySeconds;
        StringBuilder line = new StringBuilder(96);
        for (int day = 0; day < days; day++) {
            for (String operator : OPERATORS) {
                for (int trip = 0; trip < tripsPerDay; trip++) {
                    double[][] road = ROADS[random.nextInt(ROADS.length)];
                    boolean reverse = random.nextBoolean();
                    String device = operator + "-phone-" + random.nextInt(8);
                    // 23:00–13:00 UTC is 07:00–21:00 in Ulanqab
                    long t = start.getEpochSecond() + day * 86_400L - 9 * 3600L + random.nextInt(14 * 3600);
                    double length = length(road);
                    for (double d = 0; d <= length && rows < maxRows; d += step, t += everySeconds) {
                        double[] p = along(road, (reverse ? length - d : d) / length);
                        double lat = p[0] + random.nextGaussian() * 0.00005;
                        double lon = p[1] + random.nextGaussian() * 0.00005;
                        line.setLength(0);
                        line.append(Instant.ofEpochSecond(t)).append(',').append(String.format(Locale.ROOT, "%.6f,%.6f", lat, lon))
                                .append(',').append(operator, 0, 3).append(',').append(operator, 3, 5).append(',');
                        signal(line, operator, lat, lon, random);
                        line.append(',').append(device).append('\n');
                        out.write(line.toString());
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static void signal(StringBuilder line, String operator, double lat, double lon, SplittableRandom random) {
        for (PlantedGap gap : GAPS) {
            if (gap.hits(operator, lat, lon)) {
                if (gap.severity().equals("none")) {
                    if (random.nextInt(3) == 0) {
                        line.append("NONE,,");
                    } else {
                        line.append("LTE,").append(-119 - random.nextInt(8)).append(',').append(-3 - random.nextInt(5));
                    }
                } else {
                    line.append("LTE,").append(-107 - random.nextInt(6)).append(',').append(2 + random.nextInt(4));
                }
                return;
            }
        }
        int rsrp = (int) Math.round(-85 + random.nextGaussian() * 6);
        line.append("LTE,").append(Math.max(-140, Math.min(-44, rsrp))).append(',').append(8 + random.nextInt(15));
    }

    private static Place district(String name, double s, double w, double n, double e) {
        return new Place(PlaceKind.DISTRICT, name, 0, GEO.createPolygon(new Coordinate[] {new Coordinate(w, s), new Coordinate(e, s),
                new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)}));
    }

    private static LineString line(double[][] road) {
        Coordinate[] c = new Coordinate[road.length];
        for (int i = 0; i < road.length; i++) {
            c[i] = new Coordinate(road[i][1], road[i][0]);
        }
        return GEO.createLineString(c);
    }

    private static double segment(double[] a, double[] b) {
        double dy = (b[0] - a[0]) * 110_574;
        double dx = (b[1] - a[1]) * 111_320 * Math.cos(Math.toRadians(a[0]));
        return Math.hypot(dx, dy);
    }

    private static double length(double[][] road) {
        double total = 0;
        for (int i = 1; i < road.length; i++) {
            total += segment(road[i - 1], road[i]);
        }
        return total;
    }

    /** The point at {@code fraction} of the road's length. */
    private static double[] along(double[][] road, double fraction) {
        double target = Math.max(0, Math.min(1, fraction)) * length(road);
        for (int i = 1; i < road.length; i++) {
            double s = segment(road[i - 1], road[i]);
            if (target <= s || i == road.length - 1) {
                double f = s == 0 ? 0 : Math.min(1, target / s);
                return new double[] {road[i - 1][0] + f * (road[i][0] - road[i - 1][0]), road[i - 1][1] + f * (road[i][1] - road[i - 1][1])};
            }
            target -= s;
        }
        return road[road.length - 1];
    }
}
