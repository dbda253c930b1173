/**
 * One 4G measurement and what it says: the radio technology, the operator code, the class (good, fair, poor,
 * none) on the RSRP ladder, and the two log formats rows arrive in (the contract CSV and G-NetTrack Pro).
 */
package io.steppe.coverage.sample;
