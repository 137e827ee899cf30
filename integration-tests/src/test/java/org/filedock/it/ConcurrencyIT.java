package org.filedock.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many connections and transfers at once, at the scale of {@code mvn verify} (LoadIT does the
 * same at the contract's scale): every connection is served while transfers run, idle
 * connections hold no server thread, and every file comes back byte-identical.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    static final int CONNECTIONS = 200;
    static final int TRANSFERS = 20;
    static final long FILE_SIZE = 1 << 20;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @ArquillianResource
    ManagementClient management;

    @Test
    void manyConnectionsAreServedWhileOthersTransferFiles() throws Exception {
        ServerMetrics metrics = new ServerMetrics(management);
        String home = "/concurrency-" + UUID.randomUUID();
        List<WireClient> connections = new ArrayList<>();
        ExecutorService transferThreads = Executors.newFixedThreadPool(TRANSFERS);
        try (WireClient owner = WireClient.connect()) {
            assertEquals("OK@" + home + " created", owner.call("MKDIR " + home));
            int threadsBefore = metrics.threadCount();

            for (int i = 0; i < CONNECTIONS; i++) {
                WireClient client = WireClient.connect();
                connections.add(client);
                assertTrue(client.greeting().startsWith("OK@Welcome to the server"), client.greeting());
            }
            assertTrue(metrics.threadCount() - threadsBefore < 5,
                    "idle connections hold no thread: " + threadsBefore + " -> " + metrics.threadCount());

            CountDownLatch transfersRunning = new CountDownLatch(TRANSFERS);
            List<Future<Integer>> transfers = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                String path = home + "/file-" + i + ".bin";
                long seed = i;
                transfers.add(transferThreads.submit(
                        () -> RoundTrips.repeat(path, FILE_SIZE, seed, 3, transfersRunning)));
            }
            assertTrue(transfersRunning.await(60, TimeUnit.SECONDS), "the transfers started");

            RoundTrips.everyConnectionAnswers(connections, "PWD", "OK@/");

            int roundTrips = 0;
            for (Future<Integer> transfer : transfers) {
                roundTrips += transfer.get(120, TimeUnit.SECONDS);
            }
            assertEquals(3 * TRANSFERS, roundTrips);
            RoundTrips.everyConnectionAnswers(connections, "PWD", "OK@/");
            assertEquals(0, metrics.workerPool().rejected(), "no work was rejected");
        } finally {
            transferThreads.shutdownNow();
            for (WireClient client : connections) {
                client.close();
            }
        }
    }
}
