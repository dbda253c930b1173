package io.steppe.web;

/**
 * The city's extent in degrees ({@code STEPPE_CITY_BOUNDS}: south, west, north, east), to which the console's maps
 * are fitted: an AP or a sample outside it is a typo or a stray report, and one such point must not shrink the whole
 * city to a corner of the map.
 */
public record CityBounds(double south, double west, double north, double east) {

    /** No bounds: everything is inside. */
    public static final CityBounds WORLD = new CityBounds(-90, -180, 90, 180);
    /** Ulanqab's prefecture, with a margin: what {@code steppe demo} uses. */
    public static final CityBounds ULANQAB = new CityBounds(39.6, 110.3, 43.4, 114.9);

    public CityBounds {
        if (!(south >= -90 && north <= 90 && south < north)) {
            throw new IllegalArgumentException("south " + south + " and north " + north + " are not latitudes, south first");
        }
        if (!(west >= -180 && east <= 180 && west < east)) {
            throw new IllegalArgumentException("west " + west + " and east " + east + " are not longitudes, west first");
        }
    }

    /**
     * Parses {@code south,west,north,east}, e.g. {@code 39.6,110.3,43.4,114.9}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CityBounds parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not four numbers south,west,north,east");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i].trim() + "' is not a number", e);
            }
        }
        return new CityBounds(v[0], v[1], v[2], v[3]);
    }

    public boolean contains(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }

    public boolean isWorld() {
        return equals(WORLD);
    }
}
