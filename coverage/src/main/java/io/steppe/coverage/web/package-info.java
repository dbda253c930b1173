/**
 * The coverage endpoints on the API listener: sample upload, cells and gap regions as GeoJSON, planners'
 * decisions on gaps, and the planners' console pages with the gap map drawn inline as SVG.
 */
package io.steppe.coverage.web;
