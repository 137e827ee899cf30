package org.filedock.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.client.TransferListener;
import org.filedock.cli.client.Verification;

/** The timed work: each method does one repetition against one target and returns nanoseconds. */
final class Workloads {

    private static final TransferListener QUIET = TransferListener.NONE;

    private Workloads() {
    }

    /** Verified, with {@code sha256=} (the local digest as the CLI finds it: remembered after the first time). */
    static long upload(FileDockClient client, Path local, String remote, Verification verification) throws IOException {
        long start = System.nanoTime();
        client.upload(local, remote, verification, QUIET);
        return System.nanoTime() - start;
    }

    /**
     * Downloads (verified: hashed as the bytes arrive and checked against {@code HASH}, inside the
     * time) and then, untimed, checks the bytes against the expected digest.
     */
    static long download(FileDockClient client, String remote, Path target, String expectedSha256,
                         Verification verification) throws IOException {
        long start = System.nanoTime();
        client.download(remote, target, verification, QUIET);
        long elapsed = System.nanoTime() - start;
        String actual = TestFiles.sha256(target);
        if (!actual.equals(expectedSha256)) {
            throw new IOException("downloaded bytes differ from the uploaded ones: sha256 " + actual
                    + " instead of " + expectedSha256);
        }
        Files.delete(target);
        return elapsed;
    }

    /** {@code loops} times MKDIR + DIR + RMDIR on one connection. */
    static long smallCommands(FileDockClient client, int loops) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            String name = "d" + i;
            client.mkdir(name);
            client.dir(null);
            client.rmdir(name);
        }
        return System.nanoTime() - start;
    }

    /** {@code clients} connections, connected beforehand, each uploading {@code local} at once. */
    static long concurrentUploads(Target target, int clients, Path local, String prefix) throws Exception {
        List<FileDockClient> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(target.connect());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                FileDockClient client = connections.get(i);
                String remote = prefix + i;
                uploads.add(pool.submit(() -> {
                    go.await();
                    return client.upload(local, remote, target.verification(), QUIET).reply();
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> upload : uploads) {
                upload.get();
            }
            long elapsed = System.nanoTime() - start;
            for (int i = 0; i < clients; i++) {
                connections.get(i).delete(prefix + i);
            }
            return elapsed;
        } finally {
            pool.shutdownNow();
            for (FileDockClient client : connections) {
                client.close();
            }
        }
    }
}
