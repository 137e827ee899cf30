package org.filedock.ejb.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.filedock.api.FileDockConfig;
import org.filedock.api.audit.AuditEntry;
import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.TransferEnded;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command beans wired by CDI as in the server (registry, executor, commands, the beans they
 * call, the producers), on a real storage root; only the socket is replaced by a recorder.
 */
@EnableWeld
class CommandExecutorTest {

    private static Path root;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtension(new SessionBeanFields())
                    .beanClasses(ServerBeans.COMMANDS_AND_SERVICES).addBeanClass(EndedTransfers.class)
                    .addBeanClass(RecordedCommands.class))
            .activate(ApplicationScoped.class)
            .build();

    @Inject
    CommandExecutor executor;

    @Inject
    CommandRegistry registry;

    @Inject
    EndedTransfers ended;

    /** Receives the recorder's end-of-transfer events, as the archiver does in the server. */
    @ApplicationScoped
    static class EndedTransfers {
        final BlockingQueue<FinishedTransfer> records = new LinkedBlockingQueue<>();

        void seen(@Observes TransferEnded event) {
            records.add(event.seal());
        }

        FinishedTransfer next() throws InterruptedException {
            FinishedTransfer record = records.poll(10, TimeUnit.SECONDS);
            assertNotNull(record, "a transfer ended");
            return record;
        }
    }

    @Inject
    RecordedCommands audited;

    /** Receives the audit recorder's entries, as the audit archiver does in the server. */
    @ApplicationScoped
    static class RecordedCommands {
        final BlockingQueue<AuditEntry> entries = new LinkedBlockingQueue<>();

        void seen(@Observes AuditEntry entry) {
            entries.add(entry);
        }

        /** The entries recorded since the last call, in order, as action path [target] outcome. */
        List<String> drain() {
            List<String> lines = new ArrayList<>();
            for (AuditEntry e : entries) {
                assertEquals("127.0.0.1:1", e.clientAddress());
                assertNull(e.user());
                assertNotNull(e.time());
                lines.add(e.action() + " " + e.path() + (e.target() == null ? "" : " " + e.target()) + " " + e.outcome());
            }
            entries.clear();
            return lines;
        }
    }

    @BeforeAll
    static void storageRoot() throws Exception {
        root = Files.createTempDirectory("filedock-commands");
        System.setProperty(FileDockConfig.ROOT, root.toString());
    }

    @AfterAll
    static void forgetRoot() {
        System.clearProperty(FileDockConfig.ROOT);
    }

    @Test
    void everyCommandOfTheContractIsRegistered() {
        assertEquals(Set.of("UPLOAD", "DOWNLOAD", "COMPLETE", "DELETE", "DIR", "MKDIR", "CHDIR", "RMDIR",
                "MOVE", "PWD", "DISCONNECT", "LOGIN", "HASH", "STAT", "USAGE"), registry.names());
    }

    @Test
    void unknownWordsAndWrongArgumentCounts() {
        RecordingExchange exchange = new RecordingExchange();
        assertEquals("ERR@UNKNOWN_COMMAND Unknown command", run("FROB", exchange));
        assertEquals("ERR@BAD_REQUEST usage: MKDIR <path>", run("MKDIR", exchange));
        assertEquals("ERR@BAD_REQUEST usage: MOVE <path> <directory>", run("MOVE a", exchange));
        assertEquals("ERR@BAD_REQUEST usage: UPLOAD <path> <size> [resume] [sha256=<hex>]", run("UPLOAD f x12", exchange));
        assertEquals("ERR@BAD_REQUEST usage: UPLOAD <path> <size> [resume] [sha256=<hex>]", run("UPLOAD f 1 again", exchange));
        assertEquals("ERR@BAD_REQUEST usage: DOWNLOAD <path> [<offset>]", run("DOWNLOAD f -1", exchange));
        assertEquals("ERR@BAD_REQUEST usage: HASH <path>", run("HASH", exchange));
        assertEquals("ERR@BAD_REQUEST usage: STAT <path>", run("STAT a b", exchange));
        assertEquals("ERR@BAD_REQUEST usage: PWD", run("PWD now", exchange));
    }

    @Test
    void directoriesAndTheCurrentDirectory() {
        RecordingExchange exchange = new RecordingExchange();
        String dir = "cdi-" + System.nanoTime();
        assertEquals("OK@" + dir + " created", run("MKDIR " + dir, exchange));
        assertEquals("OK@Directory changed to /" + dir, run("CHDIR " + dir, exchange));
        assertEquals("/" + dir, exchange.session().currentDirectory());
        assertEquals("OK@/" + dir, run("PWD", exchange));
        assertNull(executor.execute(parse("DIR"), exchange));
        assertEquals(List.of("OK@0"), exchange.sent);
        assertTrue(Files.isDirectory(root.resolve(dir)));
    }

    @Test
    void uploadThenDownloadThenComplete() throws Exception {
        byte[] content = "through the beans".getBytes(StandardCharsets.UTF_8);
        RecordingExchange exchange = new RecordingExchange().payload(content);
        String name = "f-" + System.nanoTime();
        assertEquals("OK@File uploaded", run("UPLOAD " + name + " " + content.length, exchange));
        assertEquals(List.of("OK@Ready"), exchange.sent);
        assertArrayEquals(content, Files.readAllBytes(root.resolve(name)));

        assertNull(executor.execute(parse("DOWNLOAD " + name), exchange));
        assertEquals("OK@" + content.length, exchange.sent.get(1));
        assertArrayEquals(content, exchange.payloadOut.toByteArray());
        assertEquals("OK@Download complete", run("COMPLETE", exchange));
        assertTrue(run("COMPLETE", exchange).startsWith("ERR@BAD_REQUEST "));
    }

    @Test
    void transfersAreRecordedWithTheirOutcome() throws Exception {
        byte[] content = "measured".getBytes(StandardCharsets.UTF_8);
        String name = "r-" + System.nanoTime();
        run("UPLOAD " + name + " " + content.length, new RecordingExchange().payload(content));
        FinishedTransfer upload = ended.next();
        assertEquals(TransferDirection.UPLOAD, upload.direction());
        assertEquals("/" + name, upload.path());
        assertEquals("127.0.0.1:1", upload.clientAddress());
        assertEquals(content.length, upload.declaredSize());
        assertEquals(content.length, upload.bytesMoved());
        assertEquals(TransferOutcome.COMPLETED, upload.outcome());
        assertNull(upload.uploadId(), "a plain upload is no part of anything");
        assertEquals(TransferChannel.PROTOCOL, upload.channel());
        assertEquals(content.length, upload.samples().get(upload.samples().size() - 1).bytes());

        executor.execute(parse("DOWNLOAD " + name), new RecordingExchange());
        FinishedTransfer download = ended.next();
        assertEquals(TransferDirection.DOWNLOAD, download.direction());
        assertEquals(content.length, download.bytesMoved());
        assertEquals(TransferOutcome.COMPLETED, download.outcome());

        // the client sends 3 bytes of 8 and goes away
        RecordingExchange gone = new RecordingExchange().payload(new byte[3]);
        // the connection ends with a last word nobody may hear, after the lock is released
        assertEquals("DISCONNECTED@connection lost", run("UPLOAD cut-" + name + " 8", gone));
        FinishedTransfer cut = ended.next();
        assertEquals(TransferOutcome.ABORTED, cut.outcome());
        assertEquals(8, cut.declaredSize());
        assertEquals(3, cut.bytesMoved());
    }

    @Test
    void aResumableUploadCutTwiceAndVerified() throws Exception {
        byte[] content = "resumed across three parts".getBytes(StandardCharsets.UTF_8);
        String sha256 = org.filedock.ejb.integrity.Sha256.hex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content));
        String name = "res-" + System.nanoTime();
        String upload = "UPLOAD " + name + " " + content.length + " resume sha256=" + sha256;

        RecordingExchange first = new RecordingExchange().payload(java.util.Arrays.copyOf(content, 7));
        assertEquals("DISCONNECTED@connection lost", run(upload, first));
        assertEquals(List.of("OK@Ready 0"), first.sent);
        RecordingExchange second = new RecordingExchange().payload(java.util.Arrays.copyOfRange(content, 7, 12));
        assertEquals("DISCONNECTED@connection lost", run(upload, second));
        assertEquals(List.of("OK@Ready 7"), second.sent);
        assertTrue(Files.notExists(root.resolve(name)));

        RecordingExchange last = new RecordingExchange().payload(java.util.Arrays.copyOfRange(content, 12, content.length));
        assertEquals("OK@File uploaded", run(upload, last));
        assertEquals(List.of("OK@Ready 12"), last.sent);
        assertArrayEquals(content, Files.readAllBytes(root.resolve(name)));
        assertEquals("OK@sha256 " + sha256, run("HASH " + name, new RecordingExchange()));
        String uploadId = null;
        for (int i = 0; i < 3; i++) {
            FinishedTransfer part = ended.next();
            assertEquals(i < 2 ? TransferOutcome.ABORTED : TransferOutcome.COMPLETED, part.outcome());
            assertEquals(new long[] {content.length, content.length - 7, content.length - 12}[i], part.declaredSize());
            assertNotNull(part.uploadId());
            if (uploadId != null) {
                assertEquals(uploadId, part.uploadId(), "the parts are linked");
            }
            uploadId = part.uploadId();
        }
    }

    @Test
    void aWrongDigestReplacesAndKeepsNothing() throws Exception {
        String name = "corrupt-" + System.nanoTime();
        Files.writeString(root.resolve(name), "old");
        String wrong = "0".repeat(64);
        RecordingExchange exchange = new RecordingExchange().payload("new!".getBytes(StandardCharsets.UTF_8));
        assertEquals("ERR@CORRUPT checksum mismatch", run("UPLOAD " + name + " 4 resume sha256=" + wrong, exchange));
        assertEquals("old", Files.readString(root.resolve(name)));
        RecordingExchange again = new RecordingExchange();
        run("UPLOAD " + name + " 4 resume", again);
        assertEquals("OK@Ready 0", again.sent.get(0), "no partial kept");
    }

    @Test
    void statHashAndADownloadFromAnOffset() throws Exception {
        String name = "stat-" + System.nanoTime();
        Files.writeString(root.resolve(name), "0123456789");
        assertTrue(run("STAT " + name, new RecordingExchange()).matches("OK@f 10 \\d{4}-.*Z " + name), "a DIR line");
        assertTrue(run("STAT /", new RecordingExchange()).matches("OK@d 0 \\d{4}-.*Z /"), "the root");
        assertEquals("ERR@NOT_FOUND /nothing-here not found", run("STAT nothing-here", new RecordingExchange()));
        assertTrue(run("HASH /", new RecordingExchange()).startsWith("ERR@IS_A_DIRECTORY "));
        assertTrue(run("HASH nothing-here", new RecordingExchange()).startsWith("ERR@NOT_FOUND "));

        RecordingExchange exchange = new RecordingExchange();
        assertNull(executor.execute(parse("DOWNLOAD " + name + " 4"), exchange));
        assertEquals(List.of("OK@6"), exchange.sent);
        assertEquals("456789", exchange.payloadOut.toString(StandardCharsets.UTF_8));
        RecordingExchange atTheEnd = new RecordingExchange();
        assertNull(executor.execute(parse("DOWNLOAD " + name + " 10"), atTheEnd));
        assertEquals(List.of("OK@0"), atTheEnd.sent);
        assertEquals("OK@Download complete", run("COMPLETE", atTheEnd));
        assertTrue(run("DOWNLOAD " + name + " 11", new RecordingExchange()).startsWith("ERR@BAD_REQUEST offset 11"));
    }

    @Test
    void anotherCommandInsteadOfCompleteDropsTheAcknowledgement() {
        RecordingExchange exchange = new RecordingExchange().payload(new byte[3]);
        String name = "g-" + System.nanoTime();
        run("UPLOAD " + name + " 3", exchange);
        executor.execute(parse("DOWNLOAD " + name), exchange);
        assertTrue(exchange.session().awaitingDownloadAck());
        assertEquals("OK@/", run("PWD", exchange));
        assertTrue(run("COMPLETE", exchange).startsWith("ERR@BAD_REQUEST "));
    }

    @Test
    void withoutAccountsLoginIsRefusedAndNothingAsksForIt() {
        RecordingExchange exchange = new RecordingExchange();
        assertEquals("ERR@BAD_REQUEST accounts are off", run("LOGIN alice secret", exchange));
        assertEquals("ERR@BAD_REQUEST accounts are off", run("LOGIN", exchange));
        assertEquals("OK@/", run("PWD", exchange));
    }

    @Test
    void theAuditTrailRecordsChangesAndTransfersWithTheirOutcome() {
        RecordingExchange exchange = new RecordingExchange().payload(new byte[2]);
        String dir = "audit-" + System.nanoTime();
        audited.drain();
        run("MKDIR " + dir, exchange);
        run("CHDIR " + dir, exchange);
        run("MKDIR sub", exchange);
        run("UPLOAD f.txt 2", exchange);
        executor.execute(parse("DOWNLOAD ./f.txt"), exchange);
        run("COMPLETE", exchange);
        run("MOVE f.txt sub", exchange);
        run("DELETE f.txt", exchange);
        run("DELETE ../../x", exchange);
        executor.execute(parse("DIR"), exchange);
        run("PWD", exchange);
        run("RMDIR /" + dir + "/sub", exchange);
        run("DELETE", exchange);
        assertEquals(List.of(
                "MKDIR /" + dir + " OK",
                "MKDIR /" + dir + "/sub OK",
                "UPLOAD /" + dir + "/f.txt OK",
                "DOWNLOAD /" + dir + "/f.txt OK",
                "MOVE /" + dir + "/f.txt /" + dir + "/sub OK",
                "DELETE /" + dir + "/f.txt NOT_FOUND",
                "DELETE ../../x FORBIDDEN",
                "RMDIR /" + dir + "/sub NOT_EMPTY",
                "DELETE null BAD_REQUEST"), audited.drain());
    }

    @Test
    void disconnectSaysGoodbye() {
        assertEquals("DISCONNECTED@Goodbye", run("disconnect", new RecordingExchange()));
    }

    private String run(String line, RecordingExchange exchange) {
        Reply reply = executor.execute(parse(line), exchange);
        return reply.toLine();
    }

    private static Request parse(String line) {
        try {
            return Request.parse(line);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
