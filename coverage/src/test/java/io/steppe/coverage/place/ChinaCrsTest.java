package io.steppe.coverage.place;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChinaCrsTest {

    /** {wgsLat, wgsLon, gcjLat, gcjLon}: the test points of googollee/eviltransform (Shanghai, Shenzhen, Beijing). */
    static final double[][] EVILTRANSFORM = {
            {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},
            {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},
            {39.911954, 116.377817, 39.91334545536069, 116.38404722455657}};

    @Test
    void wgs84ToGcj02MatchesPublishedPairs() {
        for (double[] t : EVILTRANSFORM) {
            assertArrayEquals(new double[] {t[2], t[3]}, ChinaCrs.GCJ02.fromWgs84(t[0], t[1]), 1e-9);
        }
    }

    @Test
    void gcj02BackToWgs84IsExactToACentimetre() {
        for (double[] t : EVILTRANSFORM) {
            assertArrayEquals(new double[] {t[0], t[1]}, ChinaCrs.GCJ02.toWgs84(t[2], t[3]), 1e-7);
        }
    }

    @Test
    void bd09MatchesWandergisCoordtransform() {
        // wandergis/coordtransform test/app.js: gcj02tobd09(116.404, 39.915) and bd09togcj02(116.404, 39.915)
        assertArrayEquals(new double[] {39.92133699351021, 116.41036949371029}, ChinaCrs.gcjToBd(39.915, 116.404), 1e-9);
        assertArrayEquals(new double[] {39.90865673957631, 116.39762729119315}, ChinaCrs.bdToGcj(39.915, 116.404), 1e-9);
        double[] wgs = ChinaCrs.BD09.toWgs84(39.915, 116.404);
        assertArrayEquals(new double[] {39.915, 116.404}, ChinaCrs.BD09.fromWgs84(wgs[0], wgs[1]), 1e-6);
    }

    @Test
    void theShiftAtUlanqabIsHundredsOfMetres() {
        double[] g = ChinaCrs.GCJ02.fromWgs84(41.0336, 113.1330);
        double metres = Math.hypot((g[0] - 41.0336) * 110_574, (g[1] - 113.1330) * 111_320 * Math.cos(Math.toRadians(41)));
        assertEquals(500, metres, 400);
        assertArrayEquals(new double[] {51.9, -8.47}, ChinaCrs.GCJ02.toWgs84(51.9, -8.47), 0); // outside China: untouched
    }
}
