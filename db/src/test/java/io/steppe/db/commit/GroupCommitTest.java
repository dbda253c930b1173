package io.steppe.db.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A ticker the test moves; it tells the test each time the group reads it. */
    static final class FakeTicker implements LongSupplier {
        private final AtomicLong now = new AtomicLong(1_000_000_000L);
        private final Semaphore reads = new Semaphore(0);

        @Override
        public long getAsLong() {
            long t = now.get();
            reads.release();
            return t;
        }

        void advance(Duration by) {
            now.addAndGet(by.toNanos());
        }

        void awaitReads(int n) throws InterruptedException {
            assertTrue(reads.tryAcquire(n, 10, TimeUnit.SECONDS), "the group did not read its ticker");
        }
    }

    static final class Full extends RuntimeException {
    }

    /**
     * The first item opens a batch that lingers an hour by the ticker: what arrives within the hour joins it, and
     * the first item after it is the last one in. (The group waits for the next item in real time, up to what the
     * ticker says is left; an hour is far more than the test takes.)
     */
    @Test
    void itemsArrivingWithinTheLingerShareABatchAndItEndsWhenTheTickerPassesIt() throws Exception {
        FakeTicker ticker = new FakeTicker();
        BlockingQueue<List<String>> written = new LinkedBlockingQueue<>();
        try (GroupCommit<String> group = new GroupCommit<>("test-group", 100, 100, Duration.ofHours(1), ticker,
                batch -> {
                    written.add(batch.stream().map(GroupCommit.Pending::item).toList());
                    batch.forEach(p -> p.done().complete(null));
                }, Full::new, Full::new)) {
            CompletableFuture<Void> a = group.submit("a");
            ticker.awaitReads(2); // the deadline set, the time left taken: the group waits for more
            group.submit("b");
            ticker.awaitReads(1);
            ticker.advance(Duration.ofMinutes(59));
            group.submit("c");
            ticker.awaitReads(1);
            ticker.advance(Duration.ofMinutes(2));
            CompletableFuture<Void> d = group.submit("d");
            assertEquals(List.of("a", "b", "c", "d"), written.poll(10, TimeUnit.SECONDS));
            CompletableFuture.allOf(a, d).get(10, TimeUnit.SECONDS); // each submitter hears its batch was written
        }
    }

    @Test
    void anItemIsRefusedAtOnceWhenTheQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        try (GroupCommit<Integer> group = new GroupCommit<>("test-group", 1, 2, Duration.ZERO, new FakeTicker(),
                batch -> {
                    writing.countDown();
                    await(release);
                    batch.forEach(p -> p.done().complete(null));
                }, Full::new, Full::new)) {
            CompletableFuture<Void> first = group.submit(1);
            assertTrue(writing.await(10, TimeUnit.SECONDS));
            CompletableFuture<Void> second = group.submit(2);
            CompletableFuture<Void> third = group.submit(3);
            CompletableFuture<Void> refused = group.submit(4);
            assertTrue(!first.isDone() && !second.isDone() && !third.isDone(), "nothing is done before its batch is written");
            ExecutionException e = assertThrows(ExecutionException.class, refused::get);
            assertInstanceOf(Full.class, e.getCause());
            release.countDown();
            CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
