package org.filedock.it;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server process stopped in the middle of transfers: an orderly stop (SIGTERM) tells
 * the clients and leaves no temporary file; a kill -9 leaves the target with its old content or
 * absent, never partial, and the next start sweeps the temporary files the killed one left.
 * A resumable upload's partial data survives both (contract §10).
 * The test runs its own WildFly from the provisioned server (the "process" failsafe execution,
 * alone on the test ports).
 */
@EnabledIfSystemProperty(named = "it.server", matches = "process")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerProcessIT {

    private static final long MIB = 1 << 20;
    private static final byte[] OLD = "old version".getBytes(StandardCharsets.UTF_8);
    private static final String HOME = "/process";

    private static Path base;
    private static Path storage;
    private static WildFlyProcess server;

    @BeforeAll
    static void deployOnAServerOfItsOwn() throws Exception {
        Path work = ItConfig.workDirectory();
        base = work.resolve("process-server");
        storage = work.resolve("process-storage");
        deleteTree(base);
        deleteTree(storage);
        copyTree(ItConfig.provisionedServer().resolve("standalone/configuration"), base.resolve("configuration"));
        server = start();
        server.deploy(ItConfig.ear().toPath());
        awaitGreeting();
        try (WireClient client = WireClient.connect()) {
            assertEquals("OK@" + HOME + " created", client.call("MKDIR " + HOME));
            client.upload(HOME + "/doc.txt", OLD);
            long size = 64 * MIB;
            client.uploadGenerated(HOME + "/big.bin", size, 21);
        }
    }

    @AfterAll
    static void stopIfRunning() throws Exception {
        if (server != null && server.isAlive()) {
            server.kill();
        }
    }

    @Test
    @Order(1)
    void anOrderlyStopDuringTransfersTellsTheClientsAndLeavesNothing() throws Exception {
        try (WireClient idle = WireClient.connect();
             WireClient uploader = WireClient.connect();
             WireClient downloader = WireClient.connect()) {
            assertEquals("OK@Ready", uploader.call("UPLOAD " + HOME + "/doc.txt " + 64 * MIB));
            uploader.sendRaw(new byte[(int) (4 * MIB)]);
            assertEquals("OK@" + 64 * MIB, downloader.call("DOWNLOAD " + HOME + "/big.bin"));
            downloader.readBytes(MIB);
            Await.until(() -> temporaryFiles().stream().anyMatch(f -> f.toFile().length() == 4 * MIB),
                    "the upload has written what it received");

            Duration stop = server.terminate(Duration.ofSeconds(45));

            assertTrue(stop.compareTo(Duration.ofSeconds(30)) < 0, "no wait for the payload timeout: " + stop);
            for (WireClient told : List.of(idle, uploader)) {
                assertEquals("DISCONNECTED@server shutting down", told.line());
                assertNull(told.line());
            }
            assertThrows(EOFException.class, () -> downloader.readPayloadTo(new Payloads.DigestSink(), 63 * MIB));
        }
        assertEquals(List.of(), temporaryFiles(), "the interrupted upload left no temporary file");
        assertArrayEquals(OLD, Files.readAllBytes(storage.resolve("process/doc.txt")));
    }

    @Test
    @Order(2)
    void aKilledServerLeavesOldOrNothingAndTheNextStartSweeps() throws Exception {
        server = start();
        awaitGreeting();
        try (WireClient replacing = WireClient.connect(); WireClient creating = WireClient.connect()) {
            assertEquals("OK@Ready", replacing.call("UPLOAD " + HOME + "/doc.txt " + 64 * MIB));
            assertEquals("OK@Ready", creating.call("UPLOAD " + HOME + "/fresh.bin " + 64 * MIB));
            replacing.sendRaw(new byte[(int) (8 * MIB)]);
            creating.sendRaw(new byte[(int) (8 * MIB)]);
            Await.until(() -> temporaryFiles().size() == 2
                            && temporaryFiles().stream().allMatch(f -> f.toFile().length() >= 4 * MIB),
                    "both uploads are being written");

            server.kill();
        }
        assertEquals(2, temporaryFiles().size(), "the kill left the partial uploads behind, as a crash would");
        assertArrayEquals(OLD, Files.readAllBytes(storage.resolve("process/doc.txt")), "the target is not partial");
        assertFalse(Files.exists(storage.resolve("process/fresh.bin")), "the new file does not exist");

        ServerLog log = ServerLog.markFile(base.resolve("log/server.log"));
        server = start();
        awaitGreeting();
        assertEquals(List.of(), temporaryFiles(), "the start swept them");
        assertTrue(log.since().contains("deleted 2 temporary upload file(s) left by an earlier run"));
        try (WireClient client = WireClient.connect()) {
            assertEquals("OK@Directory changed to " + HOME, client.call("CHDIR " + HOME));
            assertArrayEquals(OLD, client.download("doc.txt"));
            assertTrue(client.call("DOWNLOAD fresh.bin").startsWith("ERR@NOT_FOUND "));
            client.upload("doc.txt", "new version".getBytes(StandardCharsets.UTF_8));
            assertEquals("OK@File deleted", client.call("DELETE doc.txt"), "no lock outlived the kill");
        }
        server.terminate(Duration.ofSeconds(45));
    }

    @Test
    @Order(3)
    void aResumableUploadSurvivesAnOrderlyRestartAndAKill() throws Exception {
        server = start();
        awaitGreeting();
        int size = (int) (12 * MIB);
        byte[] content = new byte[size];
        new java.util.Random(31).nextBytes(content);
        String digest = java.util.HexFormat.of().formatHex(Payloads.sha256().digest(content));
        String upload = "UPLOAD " + HOME + "/resumed.bin " + size + " resume sha256=" + digest;
        int firstCut = (int) (3 * MIB) + 11;
        int secondCut = (int) (7 * MIB) + 5;

        try (WireClient first = WireClient.connect()) {
            assertEquals("OK@Ready 0", first.call(upload));
            first.sendRaw(java.util.Arrays.copyOfRange(content, 0, firstCut));
        }
        awaitPartialOf(firstCut);
        server.terminate(Duration.ofSeconds(45));

        server = start();
        awaitGreeting();
        try (WireClient second = WireClient.connect()) {
            assertEquals("OK@Ready " + firstCut, second.call(upload), "held across the restart");
            second.sendRaw(java.util.Arrays.copyOfRange(content, firstCut, secondCut));
        }
        awaitPartialOf(secondCut);
        server.kill();

        server = start();
        awaitGreeting();
        try (WireClient last = WireClient.connect()) {
            assertEquals("OK@Ready " + secondCut, last.call(upload), "held across a kill -9");
            last.sendRaw(java.util.Arrays.copyOfRange(content, secondCut, size));
            assertEquals("OK@File uploaded", last.line());
            assertEquals("OK@sha256 " + digest, last.call("HASH " + HOME + "/resumed.bin"));
            assertArrayEquals(content, last.download(HOME + "/resumed.bin"));
        }
        assertEquals(List.of(), partials(), "the completed upload left no partial data");
        server.terminate(Duration.ofSeconds(45));
    }

    /** The resumable upload's partial data holds {@code length} bytes (the part's client has gone). */
    private static void awaitPartialOf(long length) throws Exception {
        Await.until(() -> partials().stream().anyMatch(p -> p.getFileName().toString().endsWith(".part")
                && p.toFile().length() == length), "the partial holds " + length + " bytes");
    }

    private static List<Path> partials() throws IOException {
        Path directory = storage.resolve(".filedock-resume");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static WildFlyProcess start() throws Exception {
        return WildFlyProcess.start(base, List.of(
                "filedock.port=" + ItConfig.filedockPort(),
                "filedock.tls-port=" + ItConfig.tlsPort(),
                "filedock.root=" + storage));
    }

    private static void awaitGreeting() throws Exception {
        Await.until(() -> {
            try (WireClient client = WireClient.connect()) {
                return client.greeting().startsWith("OK@Welcome") && client.call("PWD").equals("OK@/");
            } catch (IOException e) {
                return false;
            }
        }, "the protocol port answers", Duration.ofSeconds(60));
    }

    private static List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".filedock-")).toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
