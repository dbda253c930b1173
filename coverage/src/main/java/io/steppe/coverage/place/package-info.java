/**
 * The places layer gaps are ranked against: villages (with population), scenic spots, roads and district
 * outlines, imported from GeoJSON or CSV and converted to WGS84 from the Chinese GCJ-02 and BD-09 systems.
 */
package io.steppe.coverage.place;
