package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * FileDock's Prometheus metrics on the management port's {@code /metrics}: commands, a BUSY, an
 * upload and a download over the socket and an upload over HTTP move exactly the counters they
 * should, read from the text a Prometheus server scrapes. The suite's other tests run before or
 * after this one, never during it, so the differences between two scrapes are this test's own.
 */
class MetricsIT extends SessionInOwnDirectory {

    MetricsIT() {
        super("metrics");
    }

    @Test
    void countersMoveByWhatTheClientsDid() throws Exception {
        byte[] content = new byte[1000];
        Arrays.fill(content, (byte) 'm');
        PrometheusScrape before = scrape();

        assertEquals("OK@sub created", client.call("MKDIR sub"));
        client.upload("file.bin", content);
        assertEquals(content.length, client.download("file.bin").length);
        assertTrue(client.call("FROB").startsWith("ERR@UNKNOWN_COMMAND"));
        try (WireClient other = WireClient.connect()) {
            assertEquals("OK@Ready", client.call("UPLOAD " + home + "/held.bin 10"));
            client.sendRaw("12345".getBytes(StandardCharsets.US_ASCII));
            assertTrue(other.call("DOWNLOAD " + home + "/held.bin").startsWith("ERR@BUSY "), "locked by the upload");
            PrometheusScrape during = scrape();
            assertEquals(1, during.value("filedock_transfers_running", "direction", "upload"));
            assertTrue(during.value("filedock_connections_open") >= 2, "both clients are connected");
            Await.until(() -> scrape().value("filedock_transfer_bytes_total", "direction", "upload", "channel", "protocol")
                    - before.value("filedock_transfer_bytes_total", "direction", "upload", "channel", "protocol") == 1005,
                    "the running upload's first 5 bytes counted before it ends");
            client.sendRaw("67890".getBytes(StandardCharsets.US_ASCII));
            assertEquals("OK@File uploaded", client.line());
        }
        assertEquals(201, FilesHttp.suiteServer().put(home + "/web.bin", new byte[300]).statusCode());

        PrometheusScrape after = afterTransfersEnded(before, 4);
        assertCounter(1, before, after, "filedock_connections_accepted_total");
        assertCounter(1, before, after, "filedock_commands_total", "command", "MKDIR");
        assertCounter(2, before, after, "filedock_commands_total", "command", "UPLOAD");
        assertCounter(2, before, after, "filedock_commands_total", "command", "DOWNLOAD");
        assertCounter(1, before, after, "filedock_commands_total", "command", "COMPLETE");
        assertCounter(1, before, after, "filedock_commands_total", "command", "UNKNOWN");
        assertTrue(after.matching("filedock_commands_total", "command", "FROB").isEmpty(), "a word the server does not know");
        assertCounter(1, before, after, "filedock_command_errors_total", "code", "BUSY");
        assertCounter(1, before, after, "filedock_command_errors_total", "code", "UNKNOWN_COMMAND");
        assertCounter(1010, before, after, "filedock_transfer_bytes_total", "direction", "upload", "channel", "protocol");
        assertCounter(300, before, after, "filedock_transfer_bytes_total", "direction", "upload", "channel", "http");
        assertCounter(1000, before, after, "filedock_transfer_bytes_total", "direction", "download", "channel", "protocol");
        assertCounter(2, before, after, "filedock_transfers_total", "direction", "upload", "channel", "protocol",
                "outcome", "completed");
        assertCounter(1, before, after, "filedock_transfers_total", "direction", "upload", "channel", "http",
                "outcome", "completed");
        assertCounter(1, before, after, "filedock_transfers_total", "direction", "download", "outcome", "completed");
        assertCounter(0, before, after, "filedock_transfers_total", "outcome", "aborted");
        assertCounter(3, before, after, "filedock_lock_requests_total", "kind", "upload", "result", "granted");
        assertCounter(1, before, after, "filedock_lock_requests_total", "kind", "download", "result", "granted");
        assertCounter(1, before, after, "filedock_lock_requests_total", "kind", "download", "result", "busy");
        assertEquals(0, after.value("filedock_transfers_running", "direction", "upload"));
        assertEquals("counter", after.type("filedock_commands_total"));
        assertEquals("gauge", after.type("filedock_connections_open"));
        assertEquals("gauge", after.type("filedock_history_queue_depth"));
        assertEquals(1, after.matching("filedock_history_queue_depth").size());
        assertEquals(1, after.matching("filedock_lock_wait_seconds_total").size());
    }

    private static PrometheusScrape scrape() throws IOException, InterruptedException {
        return PrometheusScrape.of(ItConfig.managementPort());
    }

    /** A transfer is counted as ended when its thread lets go of it, which may follow its last reply. */
    private static PrometheusScrape afterTransfersEnded(PrometheusScrape before, int transfers) throws Exception {
        PrometheusScrape[] latest = new PrometheusScrape[1];
        Await.until(() -> {
            latest[0] = scrape();
            return latest[0].value("filedock_transfers_total") - before.value("filedock_transfers_total") >= transfers;
        }, transfers + " transfers counted as ended");
        return latest[0];
    }

    private static void assertCounter(double moved, PrometheusScrape before, PrometheusScrape after, String name,
                                      String... labels) {
        assertTrue(!after.matching(name, labels).isEmpty(), name + " " + Arrays.toString(labels) + " is exported");
        assertEquals(moved, after.value(name, labels) - before.value(name, labels),
                name + " " + Arrays.toString(labels));
    }
}
