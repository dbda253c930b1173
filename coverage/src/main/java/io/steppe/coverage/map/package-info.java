/**
 * What planners look at and take away: GeoJSON (readable as-is by QGIS), CSV, and gap maps drawn as SVG or
 * PNG from Steppe's own layers, with no tile server or external asset.
 */
package io.steppe.coverage.map;
