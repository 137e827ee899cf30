package org.filedock.ejb.history.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrainQueueTest {

    private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<String> singles = new CopyOnWriteArrayList<>();
    private final List<String> producers = new CopyOnWriteArrayList<>();

    /** Stores batches; refuses any batch or record that contains "bad". */
    private final DrainQueue.Sink<String> sink = new DrainQueue.Sink<>() {
        @Override
        public void saveAll(List<String> batch) {
            if (batch.stream().anyMatch(s -> s.contains("bad"))) {
                throw new IllegalStateException("constraint violated");
            }
            batches.add(List.copyOf(batch));
        }

        @Override
        public void save(String record) {
            if (record.contains("bad")) {
                throw new IllegalStateException("constraint violated");
            }
            singles.add(record);
        }

        @Override
        public String describe(String record) {
            return record;
        }
    };

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private DrainQueue<Integer, String> queue(int maxBatch) {
        return new DrainQueue<>(scheduler, Duration.ofMillis(20), Duration.ofSeconds(1), maxBatch, n -> {
            producers.add(Thread.currentThread().getName());
            return "#" + n;
        }, sink);
    }

    @Test
    void whatIsAddedTogetherIsWrittenTogetherOffTheAddingThread() throws Exception {
        DrainQueue<Integer, String> queue = queue(100);
        for (int i = 0; i < 5; i++) {
            queue.add(i);
        }
        awaitStored(5);
        assertEquals(List.of(List.of("#0", "#1", "#2", "#3", "#4")), batches);
        assertTrue(producers.stream().noneMatch(t -> t.equals(Thread.currentThread().getName())), producers.toString());
    }

    @Test
    void batchesAreBoundedAndABadRecordLosesOnlyItself() {
        DrainQueue<Integer, String> queue = new DrainQueue<>(scheduler, Duration.ofHours(1), Duration.ofHours(1), 2,
                n -> n == 3 ? "bad" : "#" + n, sink);
        for (int i = 0; i < 5; i++) {
            queue.add(i);
        }
        queue.drain(); // as at the application's stop: on this thread, now
        assertEquals(List.of(List.of("#0", "#1"), List.of("#4")), batches);
        assertEquals(List.of("#2"), singles);
    }

    private void awaitStored(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stored().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, stored().size(), "stored " + stored());
    }

    private List<String> stored() {
        List<String> all = new ArrayList<>(singles);
        batches.forEach(all::addAll);
        return all;
    }
}
