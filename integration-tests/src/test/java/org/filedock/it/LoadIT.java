package org.filedock.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import com.sun.management.UnixOperatingSystemMXBean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract's scale on this machine ({@code mvn verify -Pload}, server heap capped at
 * 256 MiB, loopback only, every phase bounded in count and time): 1,000 connections at once
 * while others transfer, 100 concurrent sessions each uploading and downloading 1 MiB, and one
 * 1 GiB round trip; then 1,000 TLS connections at once. The figures go to
 * {@code integration-tests/target/load-report.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "load")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadIT {

    private static final int CONNECTIONS = 1000;
    private static final int BACKGROUND_TRANSFERS = 8;
    private static final int CONCURRENT_SESSIONS = 100;
    private static final long MIB = 1 << 20;
    private static final long GIB = 1024 * MIB;
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(5);

    private static LoadReport report;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @ArquillianResource
    ManagementClient management;

    @BeforeAll
    static void startReport() throws IOException {
        report = new LoadReport();
    }

    @AfterAll
    static void writeReport() throws IOException {
        report.write(Path.of(System.getProperty("it.load-report")));
    }

    @Test
    @Order(1)
    void aThousandConnectionsAreServedWhileOthersTransfer() throws Exception {
        ServerMetrics metrics = new ServerMetrics(management);
        ServerProcess server = ServerProcess.arquillians();
        long clientFiles = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        assertTrue(clientFiles > CONNECTIONS + 500, "the test JVM may open " + clientFiles + " files: raise ulimit -n");
        assertTrue(server.maxOpenFiles() > CONNECTIONS + 1000, "the server may open " + server.maxOpenFiles()
                + " files: raise ulimit -n (see .ci/hardening.sh)");
        report.add("server: heap max %.0f MiB, open files limit %d", LoadReport.mib(metrics.heapMaxBytes()),
                server.maxOpenFiles());

        String home = mkdir("load-background");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService background = Executors.newFixedThreadPool(BACKGROUND_TRANSFERS);
        List<Future<Integer>> transfers = new ArrayList<>();
        List<WireClient> connections = new ArrayList<>();
        try {
            for (int i = 0; i < BACKGROUND_TRANSFERS; i++) {
                String path = home + "/background-" + i + ".bin";
                long seed = i;
                transfers.add(background.submit(() -> {
                    int identical = 0;
                    for (int round = 0; round < 200 && !stop.get(); round++) {
                        identical += RoundTrips.repeat(path, 4 * MIB, seed * 1000 + round, 1, new CountDownLatch(1));
                    }
                    return identical;
                }));
            }
            int threadsBefore = metrics.threadCount();
            long started = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                WireClient client = WireClient.connect();
                connections.add(client);
                assertTrue(client.greeting().startsWith("OK@Welcome to the server"), client.greeting());
            }
            Duration connecting = since(started);
            int threadsHoldingIdle = metrics.threadCount();
            assertTrue(ServerInfo.openSessions() >= CONNECTIONS);

            started = System.nanoTime();
            RoundTrips.everyConnectionAnswers(connections, "PWD", "OK@/");
            Duration firstRound = since(started);
            started = System.nanoTime();
            RoundTrips.everyConnectionAnswers(connections, "PWD", "OK@/");
            Duration secondRound = since(started);

            stop.set(true);
            int roundTrips = 0;
            for (Future<Integer> transfer : transfers) {
                roundTrips += transfer.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            report.add("%d connections open at once, all greeted in %d ms; server threads %d before, %d with them idle",
                    CONNECTIONS, connecting.toMillis(), threadsBefore, threadsHoldingIdle);
            report.add("PWD on all %d at once: every reply OK@/ in %d ms, again in %d ms",
                    CONNECTIONS, firstRound.toMillis(), secondRound.toMillis());
            report.add("meanwhile %d sessions transferred 4 MiB files: %d round trips, all byte-identical, errors: 0",
                    BACKGROUND_TRANSFERS, roundTrips);
            report.add("server: %d open files, resident %.0f MiB, heap used %.0f MiB",
                    server.openFiles(), server.residentKib() / 1024.0, LoadReport.mib(metrics.heapUsedBytes()));
            assertTrue(threadsHoldingIdle - threadsBefore < 50, "idle connections hold no thread");
        } finally {
            stop.set(true);
            background.shutdownNow();
            for (WireClient client : connections) {
                client.close();
            }
        }
    }

    @Test
    @Order(2)
    void aHundredSessionsUploadAndDownloadAtOnce() throws Exception {
        ServerMetrics metrics = new ServerMetrics(management);
        String home = mkdir("load-concurrent");
        CountDownLatch allReady = new CountDownLatch(CONCURRENT_SESSIONS);
        CountDownLatch allAnnounced = new CountDownLatch(CONCURRENT_SESSIONS);
        ExecutorService sessions = Executors.newFixedThreadPool(CONCURRENT_SESSIONS);
        long started = System.nanoTime();
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_SESSIONS; i++) {
                String path = home + "/file-" + i + ".bin";
                long seed = i;
                results.add(sessions.submit(() -> uploadAndDownloadInStep(path, seed, allReady, allAnnounced)));
            }
            int identical = 0;
            for (Future<Boolean> result : results) {
                identical += result.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(CONCURRENT_SESSIONS, identical);
            ServerMetrics.WorkerPool pool = metrics.workerPool();
            report.add("%d sessions at once: all %d uploads in progress together, then all %d downloads; "
                            + "%d files byte-identical, errors: 0, in %d ms",
                    CONCURRENT_SESSIONS, CONCURRENT_SESSIONS, CONCURRENT_SESSIONS, identical, since(started).toMillis());
            report.add("work manager: largest thread count %d, rejected %d; heap used %.0f MiB",
                    pool.largestThreads(), pool.rejected(), LoadReport.mib(metrics.heapUsedBytes()));
            assertEquals(0, pool.rejected());
        } finally {
            sessions.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void oneGibibyteGoesUpAndComesBackWithA256MibHeap() throws Exception {
        ServerMetrics metrics = new ServerMetrics(management);
        ServerProcess server = ServerProcess.arquillians();
        assertTrue(metrics.heapMaxBytes() <= 256 * MIB, "the server heap is capped at 256 MiB");
        String home = mkdir("load-huge");
        try (WireClient client = WireClient.connect()) {
            long started = System.nanoTime();
            String sent = client.uploadGenerated(home + "/huge.bin", GIB, 1024);
            Duration upload = since(started);

            started = System.nanoTime();
            assertEquals("OK@" + GIB, client.call("DOWNLOAD " + home + "/huge.bin"));
            Payloads.DigestSink received = new Payloads.DigestSink();
            client.readPayloadTo(received, GIB);
            assertEquals("OK@Download complete", client.call("COMPLETE"));
            Duration download = since(started);
            assertEquals(sent, received.hex(), "byte-identical");
            assertEquals("OK@File deleted", client.call("DELETE " + home + "/huge.bin"));
            report.add("1 GiB upload %.1f s (%.0f MiB/s, forced to disk), download %.1f s (%.0f MiB/s), byte-identical",
                    upload.toMillis() / 1000.0, 1024 / (upload.toMillis() / 1000.0),
                    download.toMillis() / 1000.0, 1024 / (download.toMillis() / 1000.0));
            report.add("server after all: heap max %.0f MiB, heap used %.0f MiB, peak resident %.0f MiB, peak threads %d",
                    LoadReport.mib(metrics.heapMaxBytes()), LoadReport.mib(metrics.heapUsedBytes()),
                    server.peakResidentKib() / 1024.0, metrics.peakThreadCount());
        }
    }

    @Test
    @Order(4)
    void aThousandTlsConnectionsAreHeldAtOnce() throws Exception {
        ServerMetrics metrics = new ServerMetrics(management);
        SSLContext pinned = TlsClient.trusting(TlsClient.serverCertificate(ItConfig.tlsPort()));
        ExecutorService handshakes = Executors.newFixedThreadPool(16);
        List<Future<WireClient>> opening = new ArrayList<>();
        List<WireClient> connections = new ArrayList<>();
        int threadsBefore = metrics.threadCount();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                opening.add(handshakes.submit(() -> WireClient.over(TlsClient.connect(pinned, ItConfig.tlsPort()))));
            }
            for (Future<WireClient> connecting : opening) {
                WireClient client = connecting.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
                connections.add(client);
                assertTrue(client.greeting().startsWith("OK@Welcome to the server"), client.greeting());
            }
            Duration connecting = since(started);
            int threadsHoldingIdle = metrics.threadCount();
            assertTrue(ServerInfo.openSessions() >= CONNECTIONS);
            started = System.nanoTime();
            RoundTrips.everyConnectionAnswers(connections, "PWD", "OK@/");
            Duration round = since(started);
            report.add("%d TLS connections open at once, all handshaken and greeted in %d ms; "
                            + "PWD on all in %d ms; server threads %d before, %d with them idle; heap used %.0f MiB",
                    CONNECTIONS, connecting.toMillis(), round.toMillis(), threadsBefore, threadsHoldingIdle,
                    LoadReport.mib(metrics.heapUsedBytes()));
            assertTrue(threadsHoldingIdle - threadsBefore < 50, "idle TLS connections hold no thread");
        } finally {
            handshakes.shutdownNow();
            for (Future<WireClient> connecting : opening) {
                if (connecting.isDone() && !connecting.isCancelled()) {
                    try {
                        connecting.get().close();
                    } catch (Exception e) {
                        // it never opened
                    }
                }
            }
        }
    }

    /** Upload, then download: each step begins on every session before any sends bytes. */
    private static boolean uploadAndDownloadInStep(String path, long seed, CountDownLatch allReady,
            CountDownLatch allAnnounced) throws Exception {
        try (WireClient client = WireClient.connect()) {
            assertEquals("OK@Ready", client.call("UPLOAD " + path + " " + MIB));
            allReady.countDown();
            assertTrue(allReady.await(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS), "every upload started");
            String sent = Payloads.write(client.socketOutput(), MIB, seed);
            assertEquals("OK@File uploaded", client.line());

            assertEquals("OK@" + MIB, client.call("DOWNLOAD " + path));
            allAnnounced.countDown();
            assertTrue(allAnnounced.await(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS), "every download started");
            Payloads.DigestSink received = new Payloads.DigestSink();
            client.readPayloadTo(received, MIB);
            assertEquals("OK@Download complete", client.call("COMPLETE"));
            return sent.equals(received.hex());
        }
    }

    private static String mkdir(String name) throws IOException {
        String home = "/" + name + "-" + UUID.randomUUID();
        try (WireClient client = WireClient.connect()) {
            assertEquals("OK@" + home + " created", client.call("MKDIR " + home));
        }
        return home;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
