/**
 * The coverage endpoints on the API listener: sample upload, cells and gap regions as GeoJSON, planners'
 * decisions on gaps, and the planners' console pages: templates in {@code src/main/jte} rendered from models built
 * here, in the console's layout, with the gap map drawn inline as SVG by {@code coverage.map}. The JSON API's
 * refusals are domain exceptions ({@code BadUpload}, {@code BadCoverageRequest}, {@code NoSuchGapException},
 * {@code ImportFailedException}), each answered as {@code {"error": "…"}} by its own {@code ExceptionHandler}.
 */
package io.steppe.coverage.web;
