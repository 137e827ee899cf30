package org.filedock.it;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Work that the concurrency and load tests run from many threads and connections. */
final class RoundTrips {

    private RoundTrips() {
    }

    /**
     * On a connection of its own: uploads {@code size} seeded bytes to {@code path}, downloads
     * them and compares digests, {@code times} times; counts down {@code started} after the first
     * {@code OK@Ready}.
     *
     * @return how many round trips were byte-identical (the caller expects all of them)
     */
    static int repeat(String path, long size, long seed, int times, CountDownLatch started) throws IOException {
        int identical = 0;
        try (WireClient client = WireClient.connect()) {
            for (int round = 0; round < times; round++) {
                assertEquals("OK@Ready", client.call("UPLOAD " + path + " " + size));
                if (round == 0) {
                    started.countDown();
                }
                String sent = Payloads.write(client.socketOutput(), size, seed + round);
                assertEquals("OK@File uploaded", client.line());

                assertEquals("OK@" + size, client.call("DOWNLOAD " + path));
                Payloads.DigestSink received = new Payloads.DigestSink();
                client.readPayloadTo(received, size);
                assertEquals("OK@Download complete", client.call("COMPLETE"));
                assertEquals(sent, received.hex(), path + " round " + round);
                identical++;
            }
        }
        return identical;
    }

    /** Sends the command on every connection first, then reads every reply: all at once. */
    static void everyConnectionAnswers(List<WireClient> connections, String command, String expected)
            throws IOException {
        for (WireClient client : connections) {
            client.send(command);
        }
        for (WireClient client : connections) {
            assertEquals(expected, client.line());
        }
    }
}
