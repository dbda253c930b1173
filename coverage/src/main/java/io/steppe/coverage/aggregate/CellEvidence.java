package io.steppe.coverage.aggregate;

import io.steppe.coverage.sample.SampleClass;

/**
 * The counted observations of one cell.
 *
 * @param observations capped observations
 * @param bad          those of class poor or none
 * @param devices      distinct devices among them
 * @param spanHours    hours between the first and the last
 * @param badChildren  distinct res-9 cells holding a bad observation
 * @param medianClass  the class of the median observation
 */
public record CellEvidence(int observations, int bad, int devices, long spanHours, int badChildren, SampleClass medianClass) {
}
