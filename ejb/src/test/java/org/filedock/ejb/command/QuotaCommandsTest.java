package org.filedock.ejb.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.filedock.api.FileDockConfig;
import org.filedock.ejb.quota.QuotaConfig;
import org.filedock.ejb.resume.PartialStore;
import org.filedock.protocol.Request;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * USAGE and the quota check of UPLOAD through the real command beans on a real storage root
 * with {@code filedock.quota=100} and no accounts (the quota of the whole shared root); each test
 * starts a container of its own, so its usage is counted afresh from the disk.
 */
@EnableWeld
class QuotaCommandsTest {

    private static Path root;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addExtension(new SessionBeanFields()).beanClasses(ServerBeans.COMMANDS_AND_SERVICES))
            .activate(ApplicationScoped.class)
            .build();

    @Inject
    CommandExecutor executor;

    @BeforeAll
    static void quotaOf100Bytes() throws Exception {
        root = Files.createTempDirectory("filedock-quota");
        System.setProperty(FileDockConfig.ROOT, root.toString());
        System.setProperty(QuotaConfig.QUOTA, "100");
    }

    @AfterAll
    static void noQuota() {
        System.clearProperty(FileDockConfig.ROOT);
        System.clearProperty(QuotaConfig.QUOTA);
    }

    @Test
    void usageFollowsUploadsReplacesDeletesAndPartials() throws Exception {
        clear();
        Files.write(root.resolve("there-before.bin"), new byte[10]); // counted by the first walk
        assertEquals("OK@10 100", run("USAGE", new RecordingExchange()));
        assertEquals("ERR@BAD_REQUEST usage: USAGE", run("USAGE now", new RecordingExchange()));

        assertEquals("OK@File uploaded", upload("a.bin", 60));
        assertEquals("OK@70 100", run("USAGE", new RecordingExchange()));

        RecordingExchange refused = new RecordingExchange().payload(new byte[31]);
        assertEquals("ERR@QUOTA 70 of 100 bytes used", run("UPLOAD b.bin 31", refused));
        assertEquals(List.of(), refused.sent, "refused before OK@Ready");
        assertFalse(Files.exists(root.resolve("b.bin")));
        assertEquals(List.of("a.bin", "there-before.bin"), names(), "nothing changed, no temporary file left");

        assertEquals("OK@File uploaded", upload("a.bin", 90), "the replaced 60 bytes count as freed");
        assertEquals("OK@100 100", run("USAGE", new RecordingExchange()));
        assertEquals("ERR@QUOTA 100 of 100 bytes used", upload("c.bin", 1));
        assertEquals("OK@File uploaded", upload("empty.bin", 0), "an empty file takes nothing");

        assertEquals("OK@File deleted", run("DELETE a.bin", new RecordingExchange()));
        assertEquals("OK@10 100", run("USAGE", new RecordingExchange()));
        assertEquals("OK@sub created", run("MKDIR sub", new RecordingExchange()));
        assertEquals("OK@there-before.bin moved to sub", run("MOVE there-before.bin sub", new RecordingExchange()));
        assertEquals("OK@10 100", run("USAGE", new RecordingExchange()), "a move is neutral");

        // a resumable upload cut after 30 of 80 bytes keeps them: they count
        RecordingExchange cut = new RecordingExchange().payload(new byte[30]);
        assertEquals("DISCONNECTED@connection lost", run("UPLOAD r.bin 80 resume", cut));
        assertEquals("OK@40 100", run("USAGE", new RecordingExchange()));
        assertEquals("ERR@QUOTA 40 of 100 bytes used", upload("d.bin", 61));
        // resumed, it needs room only for the rest: 40 + 50 fits
        RecordingExchange rest = new RecordingExchange().payload(new byte[50]);
        assertEquals("OK@File uploaded", run("UPLOAD r.bin 80 resume", rest));
        assertEquals(List.of("OK@Ready 30"), rest.sent);
        assertEquals("OK@90 100", run("USAGE", new RecordingExchange()));
        assertEquals(0, new PartialStore(root.toRealPath(), java.time.Duration.ofHours(1),
                java.time.Clock.systemUTC()).heldBy(owner -> true));
    }

    @Test
    void aResumableUploadOfAnotherSizeFreesTheOldPartial() throws Exception {
        clear();
        assertEquals("DISCONNECTED@connection lost", run("UPLOAD r.bin 90 resume", new RecordingExchange().payload(new byte[70])));
        assertEquals("OK@70 100", run("USAGE", new RecordingExchange()));
        RecordingExchange other = new RecordingExchange().payload(new byte[60]);
        assertEquals("OK@File uploaded", run("UPLOAD r.bin 60 resume", other), "the old partial's 70 bytes are dropped first");
        assertEquals("OK@60 100", run("USAGE", new RecordingExchange()));
    }

    private String upload(String name, int size) {
        return run("UPLOAD " + name + " " + size, new RecordingExchange().payload(new byte[size]));
    }

    private String run(String line, RecordingExchange exchange) {
        try {
            return executor.execute(Request.parse(line), exchange).toLine();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names() throws Exception {
        try (var entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".filedock-resume")).sorted().toList();
        }
    }

    private static void clear() throws Exception {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
        }
    }
}
