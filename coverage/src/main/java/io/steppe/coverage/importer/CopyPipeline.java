package io.steppe.coverage.importer;

import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.Sample;
import io.steppe.coverage.sample.SampleClassifier;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * New samples on their way into {@code coverage_sample}, in batches of {@link #BATCH} rows with two batches at
 * work: one fills on the caller's thread, which reads and checks the upload, while the other is copied on a thread
 * of its own. The copy had the caller wait for about as long as reading a batch takes; side by side the two keep
 * both cores busy. Each row gets its H3 cells and class as it joins a batch; what each batch stored, and the rows
 * PostgreSQL refused, go to the tally once the batch is committed.
 */
final class CopyPipeline implements AutoCloseable {

    static final int BATCH = 50_000;

    private final H3Grid grid;
    private final SampleClassifier classifier;
    private final ImportTally tally;
    private final CopyBatch[] batches;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "coverage-copy"));
    private int filling;
    private Future<CopyBatch.Flushed> inFlight;

    /** @param connection the import's own, in autocommit: each COPY is a transaction of its own */
    CopyPipeline(Connection connection, long importId, H3Grid grid, SampleClassifier classifier, ImportTally tally)
            throws SQLException {
        this.grid = grid;
        this.classifier = classifier;
        this.tally = tally;
        this.batches = new CopyBatch[] {new CopyBatch(connection, importId), new CopyBatch(connection, importId)};
    }

    /** Adds a new sample read from {@code line}; when its batch is full, waits for the other and sends this one. */
    void add(Sample s, long line, long fingerprint) throws SQLException, IOException {
        long r9 = grid.cell(s.latitude(), s.longitude(), H3Grid.DETAIL);
        CopyBatch batch = batches[filling];
        batch.add(s, line, fingerprint, classifier.classify(s).ordinal(), r9, grid.parent(r9, H3Grid.DECISION),
                grid.parent(r9, H3Grid.OVERVIEW));
        if (batch.size() >= BATCH) {
            tally.written(written());
            TouchedCells touched = tally.touched();
            inFlight = writer.submit(() -> batch.flush(touched));
            filling ^= 1;
        }
    }

    /** Copies what is left; when this returns every row is stored or refused. */
    void finish() throws SQLException, IOException {
        tally.written(written());
        tally.written(batches[filling].flush(tally.touched()));
    }

    /** Waits for the batch being copied; its rows count only once committed. */
    private CopyBatch.Flushed written() throws SQLException, IOException {
        Future<CopyBatch.Flushed> batch = inFlight;
        inFlight = null;
        if (batch == null) {
            return CopyBatch.Flushed.NOTHING;
        }
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a batch was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IOException("writing a batch failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Lets a batch still being copied (the upload broke off meanwhile) end before the caller releases the source's
     * lock and the connection the copy runs on.
     */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writer.shutdownNow();
        }
    }
}
