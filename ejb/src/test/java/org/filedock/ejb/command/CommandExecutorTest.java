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
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.filedock.ejb.audit.AuditRecorder;
import org.filedock.ejb.config.StorageProducer;
import org.filedock.ejb.history.recording.FinishedTransfer;
import org.filedock.ejb.history.recording.TransferEnded;
import org.filedock.ejb.history.recording.TransferRecorder;
import org.filedock.ejb.service.FileOperations;
import org.filedock.ejb.service.TransferBuffers;
import org.filedock.ejb.service.TransferService;
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
    WeldInitiator weld = WeldInitiator.from(CommandRegistry.class, CommandExecutor.class,
                    UploadCommand.class, DownloadCommand.class, CompleteCommand.class, DeleteCommand.class,
                    DirCommand.class, MkdirCommand.class, ChdirCommand.class, RmdirCommand.class,
                    MoveCommand.class, PwdCommand.class, DisconnectCommand.class,
                    FileOperations.class, TransferService.class, TransferBuffers.class, StorageProducer.class,
                    TransferRecorder.class, EndedTransfers.class, AuditRecorder.class, RecordedCommands.class)
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
                "MOVE", "PWD", "DISCONNECT"), registry.names());
    }

    @Test
    void unknownWordsAndWrongArgumentCounts() {
        RecordingExchange exchange = new RecordingExchange();
        assertEquals("ERR@UNKNOWN_COMMAND Unknown command", run("FROB", exchange));
        assertEquals("ERR@BAD_REQUEST usage: MKDIR <path>", run("MKDIR", exchange));
        assertEquals("ERR@BAD_REQUEST usage: MOVE <path> <directory>", run("MOVE a", exchange));
        assertEquals("ERR@BAD_REQUEST usage: UPLOAD <path> <size>", run("UPLOAD f x12", exchange));
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
