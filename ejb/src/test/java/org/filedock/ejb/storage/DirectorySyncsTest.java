package org.filedock.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySyncsTest {

    @TempDir
    Path temp;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstMayEnd = new CountDownLatch(1);

    /** The first sync of "a" blocks until the test lets it end; every sync is recorded. */
    private final DirectorySyncs syncs = new DirectorySyncs(directory -> {
        String name = directory.getFileName().toString();
        boolean first = !events.contains("begin " + name);
        events.add("begin " + name);
        if (first && name.equals("a")) {
            await(firstMayEnd);
        }
        events.add("end " + name);
    });

    @Test
    void callersThatCameDuringASyncShareTheNextOne() throws Exception {
        Path a = temp.resolve("a");
        CountDownLatch done = new CountDownLatch(3);
        Thread first = caller(a, done);
        Poll.until(() -> events.contains("begin a"));
        Thread second = caller(a, done);
        Thread third = caller(a, done);
        Poll.until(() -> syncs.requested(a) == 3);
        assertFalse(done.await(50, TimeUnit.MILLISECONDS), "nobody returns before a sync begun after its call");
        firstMayEnd.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (Thread t : List.of(first, second, third)) {
            t.join();
        }
        // the second and third callers came while the first sync ran: one more sync covers both
        assertEquals(List.of("begin a", "end a", "begin a", "end a"), events);
        assertEquals(0, syncs.active(), "nothing is kept once every caller has left");
    }

    @Test
    void directoriesDoNotWaitForEachOther() throws Exception {
        Path a = temp.resolve("a");
        CountDownLatch done = new CountDownLatch(1);
        caller(a, done);
        Poll.until(() -> events.contains("begin a"));
        syncs.sync(temp.resolve("b")); // returns while "a" is still being synced
        assertEquals(List.of("begin a", "begin b", "end b"), events);
        firstMayEnd.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        Poll.until(() -> syncs.active() == 0);
    }

    @Test
    void aRealDirectoryIsSyncedAndAMissingOneOnlyLogged() throws Exception {
        DirectorySyncs real = new DirectorySyncs();
        Files.createDirectory(temp.resolve("real"));
        real.sync(temp.resolve("real"));
        real.sync(temp.resolve("missing"));
        assertEquals(0, real.active());
    }

    private Thread caller(Path directory, CountDownLatch done) {
        Thread thread = new Thread(() -> {
            syncs.sync(directory);
            done.countDown();
        });
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the sync end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
