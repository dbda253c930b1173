package io.steppe.db.commit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Items queue while one batch is being committed and go together into the next, so one transaction (one fsync)
 * serves many. A single thread hands each batch to the writer, which commits it and completes every item's future
 * only once its item is durable (or fails it). The queue is bounded: when it is full an item is refused at once.
 *
 * @param <T> what is written
 */
public final class GroupCommit<T> implements AutoCloseable {

    /** An item waiting to be written, with the future its sender waits on. */
    public record Pending<T>(T item, CompletableFuture<Void> done) {
    }

    private final int maxBatch;
    private final Duration linger;
    private final LongSupplier nanoTime;
    private final Consumer<List<Pending<T>>> writer;
    private final Supplier<RuntimeException> full;
    private final Supplier<RuntimeException> closing;
    private final BlockingQueue<Pending<T>> queue;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param linger   how long a batch waits for more items before it is written (zero: only what is queued already)
     * @param nanoTime the monotonic ticker the linger is measured by ({@code System::nanoTime} in production)
     * @param writer   commits a batch and completes each item's future; runs on this group's thread
     * @param full     the failure of an item refused because the queue is full
     * @param closing  the failure of an item still queued when the group is closed
     */
    public GroupCommit(String threadName, int maxBatch, int queueCapacity, Duration linger, LongSupplier nanoTime,
                       Consumer<List<Pending<T>>> writer, Supplier<RuntimeException> full, Supplier<RuntimeException> closing) {
        this.maxBatch = maxBatch;
        this.linger = linger;
        this.nanoTime = nanoTime;
        this.writer = writer;
        this.full = full;
        this.closing = closing;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Completes when the writer has committed the item; fails at once when the queue is full. */
    public CompletableFuture<Void> submit(T item) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending<>(item, done))) {
            done.completeExceptionally(full.get());
        }
        return done;
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
                writer.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Takes what is queued, then waits up to the linger time for more: at a few hundred items a second the
     * database commits faster than they arrive, and without it nearly every item would get a transaction of its own.
     */
    private void fill(List<Pending<T>> batch) throws InterruptedException {
        long deadline = nanoTime.getAsLong() + linger.toNanos();
        while (batch.size() < maxBatch) {
            queue.drainTo(batch, maxBatch - batch.size());
            long left = deadline - nanoTime.getAsLong();
            if (left <= 0 || batch.size() >= maxBatch) {
                return;
            }
            Pending<T> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /** Writes what is queued, then stops; what is still queued after five seconds is failed. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending<T> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(closing.get());
        }
    }
}
