package io.steppe.coverage;

import io.steppe.coverage.aggregate.CellAggregator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a day, on the node whose turn it is (several nodes may share the database), lets samples older than the
 * window stop counting and drops their months ({@link Coverage#expireWindow}). It runs soon after start too, so a
 * node that was down over the turn of a day catches up.
 */
public final class SampleWindowJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleWindowJob.class);
    private static final long FIRST_RUN_MINUTES = 5;

    private final Coverage coverage;
    private final BooleanSupplier myTurn;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coverage-window");
        t.setDaemon(true);
        return t;
    });

    /** @param myTurn whether this node holds the work that must happen once */
    public SampleWindowJob(Coverage coverage, BooleanSupplier myTurn) {
        this.coverage = coverage;
        this.myTurn = myTurn;
    }

    public SampleWindowJob start() {
        timer.scheduleWithFixedDelay(this::runIfMyTurn, FIRST_RUN_MINUTES, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
        return this;
    }

    /** One run, if this node's turn; a failure is logged and the next day tries again. */
    void runIfMyTurn() {
        if (!myTurn.getAsBoolean()) {
            return;
        }
        try {
            CellAggregator.Expiry expiry = coverage.expireWindow();
            if (!expiry.operators().isEmpty() || !expiry.dropped().isEmpty()) {
                LOG.info("coverage: samples older than the window no longer count for {}; months dropped: {}",
                        expiry.operators(), expiry.dropped());
            }
        } catch (RuntimeException e) {
            LOG.warn("coverage: the sample window could not be applied, tried again tomorrow: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
