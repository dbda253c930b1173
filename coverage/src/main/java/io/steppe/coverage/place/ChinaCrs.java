package io.steppe.coverage.place;

import java.util.Locale;

/**
 * The coordinate systems of Chinese web maps. GCJ-02 (AMap, Tencent, Google in China) shifts WGS84 by an
 * obfuscating function of position, hundreds of metres; BD-09 (Baidu) shifts GCJ-02 once more. The forward
 * formulas are the widely published ones (e.g. {@code googollee/eviltransform}); the way back is found by
 * fixed-point iteration to well under a centimetre, instead of the one-step approximation that leaves metres.
 */
public enum ChinaCrs {
    WGS84, GCJ02, BD09;

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    public static ChinaCrs parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crs '" + text + "' is not one of wgs84, gcj02, bd09");
        }
    }

    /** {lat, lon} in WGS84 of a point given in this system. */
    public double[] toWgs84(double lat, double lon) {
        return switch (this) {
            case WGS84 -> new double[] {lat, lon};
            case GCJ02 -> gcjToWgs(lat, lon);
            case BD09 -> {
                double[] gcj = bdToGcj(lat, lon);
                yield gcjToWgs(gcj[0], gcj[1]);
            }
        };
    }

    /** {lat, lon} in this system of a WGS84 point. */
    public double[] fromWgs84(double lat, double lon) {
        return switch (this) {
            case WGS84 -> new double[] {lat, lon};
            case GCJ02 -> wgsToGcj(lat, lon);
            case BD09 -> {
                double[] gcj = wgsToGcj(lat, lon);
                yield gcjToBd(gcj[0], gcj[1]);
            }
        };
    }

    static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    static double[] wgsToGcj(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lat + dLat, lon + dLon};
    }

    static double[] gcjToWgs(double lat, double lon) {
        double wLat = lat;
        double wLon = lon;
        for (int i = 0; i < 30; i++) {
            double[] g = wgsToGcj(wLat, wLon);
            double eLat = g[0] - lat;
            double eLon = g[1] - lon;
            wLat -= eLat;
            wLon -= eLon;
            if (Math.abs(eLat) < 1e-10 && Math.abs(eLon) < 1e-10) {
                break;
            }
        }
        return new double[] {wLat, wLon};
    }

    static double[] gcjToBd(double lat, double lon) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065};
    }

    static double[] bdToGcj(double lat, double lon) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new double[] {z * Math.sin(theta), z * Math.cos(theta)};
    }

    private static double transformLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
