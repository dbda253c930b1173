package io.steppe.coverage.gap;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.aggregate.Severity;
import io.steppe.coverage.place.PlaceLayer;

/**
 * The priority of a gap region, higher is more urgent (shown to planners as is):
 * <pre>
 *   (villages + scenicWeight × scenic spots + road km / roadKmPerPoint + people / peoplePerPoint)
 *     × (noneFactor when severity is none, else 1)
 *     × confidence,   confidence = min(1, observations / (minObservations × cells))
 * </pre>
 * With the defaults: a village, half a scenic spot, 5 km of road and 1,000 residents weigh the same; no service
 * counts twice as much as weak service; a region only just proven counts less than one with ample evidence.
 */
public final class Priority {

    private final CoverageConfig.Ranking ranking;
    private final int minObservations;

    public Priority(CoverageConfig config) {
        this.ranking = config.ranking();
        this.minObservations = config.evidence().minObservations();
    }

    public double of(Region region, PlaceLayer.Touches touches) {
        double reach = touches.villages().size() + ranking.scenicWeight() * touches.scenicSpots().size()
                + touches.roadKm() / ranking.roadKmPerPoint() + touches.people() / ranking.peoplePerPoint();
        double severity = region.severity() == Severity.NONE ? ranking.noneFactor() : 1;
        double confidence = Math.min(1.0, region.observations() / (double) (minObservations * region.cells().size()));
        return Math.round(reach * severity * confidence * 100) / 100.0;
    }
}
