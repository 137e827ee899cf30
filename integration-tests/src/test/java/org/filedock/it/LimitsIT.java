package org.filedock.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits and timeouts of contract §7, configured small (see the "limits" server in
 * arquillian.xml and the {@code it.limits.*} properties in the pom).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "it.server", matches = "limits")
class LimitsIT {

    private static final int MAX_CONNECTIONS = (int) ItConfig.limit("max-connections");
    private static final long IDLE_TIMEOUT_MS = ItConfig.limit("idle-timeout") * 1000;
    private static final long PAYLOAD_TIMEOUT_S = ItConfig.limit("payload-timeout");
    private static final int MAX_LINE = (int) ItConfig.limit("max-line");
    private static final long MAX_FILE_SIZE = ItConfig.limit("max-file-size");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    private final List<WireClient> clients = new ArrayList<>();
    private String home;

    @BeforeEach
    void ownDirectory() throws IOException {
        home = "/limits-" + UUID.randomUUID();
        assertEquals("OK@" + home + " created", client().call("MKDIR " + home));
    }

    @AfterEach
    void disconnect() throws IOException {
        for (WireClient client : clients) {
            client.close();
        }
    }

    @Test
    void theConnectionOverTheLimitGetsLimitInsteadOfTheGreeting() throws Exception {
        closeAll();
        Await.until(() -> ServerInfo.openSessions() == 0, "earlier sessions are gone");
        for (int i = 0; i < MAX_CONNECTIONS; i++) {
            assertTrue(client().greeting().startsWith("OK@Welcome to the server"));
        }
        try (WireClient over = WireClient.connect()) {
            assertEquals("ERR@LIMIT too many connections", over.greeting());
            assertNull(over.line());
        }
        assertEquals("OK@/", clients.get(0).call("PWD"), "the connections within the limit go on");

        clients.remove(0).close();
        Await.until(() -> ServerInfo.openSessions() == MAX_CONNECTIONS - 1, "the server notices the close");
        assertEquals("OK@/", client().call("PWD"), "a freed place is taken again");
    }

    @Test
    void aSessionWithoutCommandsIsTimedOut() throws Exception {
        WireClient idle = client();
        long started = System.nanoTime();
        assertEquals("ERR@TIMEOUT idle timeout", idle.line());
        assertEquals("DISCONNECTED@idle timeout", idle.line());
        assertNull(idle.line());
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited >= IDLE_TIMEOUT_MS - 100 && waited < IDLE_TIMEOUT_MS + 3000, waited + " ms");
    }

    @Test
    void commandsKeepASessionAliveWhileHalfLinesAndSilenceDoNot() throws Exception {
        WireClient active = client();
        WireClient halfLine = client();
        halfLine.sendRaw("PW".getBytes(StandardCharsets.US_ASCII));
        WireClient silent = client();
        long until = System.nanoTime() + Duration.ofMillis(IDLE_TIMEOUT_MS + 1000).toNanos();
        while (System.nanoTime() < until) {
            assertEquals("OK@/", active.call("PWD"));
            Thread.sleep(IDLE_TIMEOUT_MS / 6);
        }
        for (WireClient timedOut : List.of(halfLine, silent)) {
            assertEquals("ERR@TIMEOUT idle timeout", timedOut.line());
            assertEquals("DISCONNECTED@idle timeout", timedOut.line());
        }
        assertEquals("OK@/", active.call("PWD"));
    }

    @Test
    void aSlowUploadLongerThanTheIdleTimeoutIsNotCut() throws Exception {
        WireClient uploader = client();
        int size = (int) ((IDLE_TIMEOUT_MS + 1000) / 500);
        assertEquals("OK@Ready", uploader.call("UPLOAD " + home + "/slow.bin " + size));
        for (int i = 0; i < size; i++) {
            uploader.sendRaw(new byte[] {(byte) i});
            Thread.sleep(500); // below the payload timeout, longer than the idle timeout in all
        }
        assertEquals("OK@File uploaded", uploader.line());
        assertEquals(size, uploader.download(home + "/slow.bin").length);
    }

    @Test
    void aStalledUploadIsAbortedKeepsTheOldVersionAndReleasesItsLock() throws Exception {
        WireClient owner = client();
        owner.call("CHDIR " + home);
        byte[] old = "old version".getBytes(StandardCharsets.UTF_8);
        owner.upload("file.txt", old);

        WireClient uploader = client();
        uploader.call("CHDIR " + home);
        assertEquals("OK@Ready", uploader.call("UPLOAD file.txt 1000"));
        uploader.sendRaw(new byte[10]);
        assertEquals("OK@Ready", owner.call("UPLOAD new.bin 1000"));
        long started = System.nanoTime();
        assertEquals("ERR@TIMEOUT no payload byte for " + PAYLOAD_TIMEOUT_S + " s", uploader.line());
        assertEquals("DISCONNECTED@payload timeout", uploader.line());
        assertNull(uploader.line());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < PAYLOAD_TIMEOUT_S + 3);
        assertTrue(owner.line().startsWith("ERR@TIMEOUT "), "the other stalled upload, of a new file");
        assertEquals("DISCONNECTED@payload timeout", owner.line());

        WireClient after = client();
        after.call("CHDIR " + home);
        assertEquals(List.of(), StorageFiles.temporaryFiles(home));
        assertArrayEquals(old, after.download("file.txt"), "the old version is intact");
        assertTrue(after.call("DOWNLOAD new.bin").startsWith("ERR@NOT_FOUND "), "nothing of the new file");
        after.upload("file.txt", "new version".getBytes(StandardCharsets.UTF_8));
        assertEquals("OK@File deleted", after.call("DELETE file.txt"));
    }

    @Test
    void aStalledHttpPutIsAbortedKeepsTheOldVersionAndReleasesItsLock() throws Exception {
        WireClient owner = client();
        owner.call("CHDIR " + home);
        byte[] old = "old version".getBytes(StandardCharsets.UTF_8);
        owner.upload("put.txt", old);
        long started = System.nanoTime();
        try (SlowPut put = SlowPut.start(FilesHttpIT.enc(home + "/put.txt"), 1000, new byte[10])) {
            assertEquals(408, put.status(), "TIMEOUT once no byte came for the payload timeout");
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < PAYLOAD_TIMEOUT_S + 3);
        WireClient after = client(); // the owner's session has gone idle meanwhile
        after.call("CHDIR " + home);
        assertEquals(List.of(), StorageFiles.temporaryFiles(home));
        assertArrayEquals(old, after.download("put.txt"), "the old version is intact");
        after.upload("put.txt", "new version".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anHttpPutOverTheMaximumFileSizeIsRefusedBeforeItsBody() throws Exception {
        try (SlowPut put = SlowPut.start(FilesHttpIT.enc(home + "/huge.bin"), MAX_FILE_SIZE + 1, new byte[0])) {
            assertEquals(507, put.status(), "NO_SPACE before any byte of the body");
        }
        assertTrue(client().call("STAT " + home + "/huge.bin").startsWith("ERR@NOT_FOUND "));
    }

    @Test
    void aReaderThatStopsReadingIsCutOffAndReleasesItsLock() throws Exception {
        WireClient owner = client();
        owner.call("CHDIR " + home);
        long size = MAX_FILE_SIZE; // far more than the sockets' buffers hold
        owner.uploadGenerated("big.bin", size, 7);

        WireClient reader = track(WireClient.connect(ItConfig.filedockPort(), 16 * 1024));
        assertEquals("OK@" + size, reader.call("DOWNLOAD " + home + "/big.bin"));
        // the reader reads nothing: the server's writes stall, then it gives up and closes
        Await.until(() -> owner.call("DELETE big.bin").equals("OK@File deleted"),
                "the stalled download releases its lock", Duration.ofSeconds(PAYLOAD_TIMEOUT_S + 10));
        assertThrows(java.io.EOFException.class, () -> reader.readPayloadTo(new Payloads.DigestSink(), size),
                "the download was cut short");
    }

    @Test
    void theMaximumFileSizeIsCheckedBeforeReady() throws IOException {
        WireClient client = client();
        client.call("CHDIR " + home);
        assertEquals("ERR@NO_SPACE file exceeds the maximum size of " + MAX_FILE_SIZE + " bytes",
                client.call("UPLOAD big.bin " + (MAX_FILE_SIZE + 1)));
        assertEquals(List.of(), client.dir(null), "nothing was created");
        client.uploadGenerated("big.bin", MAX_FILE_SIZE, 1);
    }

    @Test
    void theConfiguredLineLengthIsTheLimit() throws IOException {
        WireClient client = client();
        String longest = "PWD" + " ".repeat(MAX_LINE - 4); // with its \n: exactly the limit
        assertEquals("OK@/", client.call(longest));
        client.send(longest + " ");
        assertEquals("ERR@BAD_REQUEST line too long", client.line());
        assertEquals("DISCONNECTED@line too long", client.line());
        assertNull(client.line());
    }

    private WireClient client() throws IOException {
        return track(WireClient.connect());
    }

    private WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    private void closeAll() throws IOException {
        for (WireClient client : clients) {
            client.close();
        }
        clients.clear();
    }
}
