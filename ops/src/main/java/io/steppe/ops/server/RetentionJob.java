package io.steppe.ops.server;

import io.steppe.db.retention.PartitionMaintenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention ({@link PartitionMaintenance}) at start and then daily, on the node whose turn it is. It looks
 * every hour, so that a node that takes the lease over, or a run that a busy table postponed, is not a day late.
 */
final class RetentionJob implements AutoCloseable {

    private static final Duration EVERY = Duration.ofDays(1);
    private static final Duration LOOK_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final PartitionMaintenance maintenance;
    private final Clock clock;
    private final BooleanSupplier ourTurn;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "steppe-retention");
        t.setDaemon(true);
        return t;
    });
    private Instant done;

    private RetentionJob(PartitionMaintenance maintenance, Clock clock, BooleanSupplier ourTurn) {
        this.maintenance = maintenance;
        this.clock = clock;
        this.ourTurn = ourTurn;
    }

    /** @param ourTurn whether this node runs, now, the work that must happen once */
    static RetentionJob start(PartitionMaintenance maintenance, Clock clock, BooleanSupplier ourTurn) {
        RetentionJob job = new RetentionJob(maintenance, clock, ourTurn);
        job.scheduler.scheduleWithFixedDelay(job::look, 0, LOOK_EVERY.toMinutes(), TimeUnit.MINUTES);
        return job;
    }

    private void look() {
        Instant now = clock.instant();
        if (!ourTurn.getAsBoolean() || (done != null && now.isBefore(done.plus(EVERY)))) {
            return;
        }
        try {
            if (maintenance.run().postponed().isEmpty()) {
                done = now;
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention did not run: {}", e.getMessage());
        }
    }

    /** Stops; a run under way is given a few seconds to commit, as the database closes after this. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
    }
}
