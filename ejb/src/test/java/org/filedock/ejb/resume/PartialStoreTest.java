package org.filedock.ejb.resume;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.filedock.api.files.OffsetMismatch;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.storage.LocalDiskStorage;
import org.filedock.ejb.storage.Upload;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partial data of resumable uploads, alone and under a real storage. */
class PartialStoreTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path temp;

    private Path root;
    private LocalDiskStorage storage;
    private PartialStore partials;
    private final PartialKey key = new PartialKey("", StoragePath.of("docs", "big.bin"));

    @BeforeEach
    void setUp() throws Exception {
        root = temp.resolve("root");
        storage = new LocalDiskStorage(root, OptionalLong.empty());
        Files.createDirectories(root.resolve("docs"));
        partials = new PartialStore(storage.root(), RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aResumableUploadKeepsWhatArrivedAndGoesOnFromThere() throws Exception {
        String firstId;
        try (Upload first = begin(10)) {
            assertEquals(0, first.offset());
            firstId = first.uploadId();
            assertNotNull(firstId);
            write(first, "hello");
        } // the client went away
        assertFalse(Files.exists(root.resolve("docs/big.bin")));
        assertEquals(List.of(), names(StoragePath.of("docs")));
        assertEquals(List.of(), names(StoragePath.ROOT).stream().filter(n -> !n.equals("docs")).toList(),
                "the partials' directory is not listed");

        String uploadId;
        try (Upload second = begin(10)) {
            assertEquals(5, second.offset());
            uploadId = second.uploadId();
            assertEquals(firstId, uploadId, "the parts of one upload share an id");
            write(second, "world");
            second.commit();
        }
        assertEquals("helloworld", Files.readString(root.resolve("docs/big.bin")));
        assertEquals(0, filesIn(partials.directory()), "data and record gone after the commit");
        try (Upload afresh = begin(10)) {
            assertEquals(0, afresh.offset(), "a completed upload leaves nothing to resume");
            assertNotEquals(uploadId, afresh.uploadId(), "a new upload, a new id for its parts");
        }
    }

    @Test
    void anotherSizeStartsAfreshAndDropsTheOldPartial() throws Exception {
        try (Upload first = begin(10)) {
            write(first, "hello");
        }
        try (Upload other = begin(12)) {
            assertEquals(0, other.offset());
        }
        try (Upload again = begin(10)) {
            assertEquals(0, again.offset(), "the 10-byte partial was dropped");
        }
    }

    @Test
    void theOwnerIsPartOfTheKey() throws Exception {
        try (Upload first = begin(10)) {
            write(first, "hello");
        }
        PartialKey someoneElse = new PartialKey("bob", key.path());
        try (Upload other = storage.beginUpload(key.path(), 10, partials.spools(someoneElse, 10))) {
            assertEquals(0, other.offset());
        }
        try (Upload mine = begin(10)) {
            assertEquals(5, mine.offset());
        }
    }

    @Test
    void aSecondUploadOfTheSamePartialMeanwhileIsBusy() throws Exception {
        try (Upload first = begin(10)) {
            assertFails(ErrorCode.BUSY, () -> begin(10));
        }
        try (Upload again = begin(10)) {
            assertEquals(0, again.offset(), "the refused one changed nothing");
        }
    }

    @Test
    void aPartThatMustBeginAtAnOffsetIsRefusedElsewhereAndNothingChanges() throws Exception {
        try (Upload first = beginFrom(10, 0)) {
            write(first, "hello");
        }
        assertEquals(5, partials.held(key, 10));
        for (long from : new long[] {0, 3, 7}) {
            OffsetMismatch e = (OffsetMismatch) assertFails(ErrorCode.BAD_REQUEST, () -> beginFrom(10, from));
            assertEquals(5, e.held(), "where the part must begin");
        }
        OffsetMismatch otherSize = (OffsetMismatch) assertFails(ErrorCode.BAD_REQUEST, () -> beginFrom(12, 5));
        assertEquals(0, otherSize.held());
        assertEquals(0, partials.held(key, 12), "of another size, nothing is held");
        PartialKey someoneElse = new PartialKey("bob", key.path());
        assertFails(ErrorCode.BAD_REQUEST,
                () -> storage.beginUpload(key.path(), 10, partials.spoolsFrom(someoneElse, 10, 5)));
        assertEquals(0, partials.held(someoneElse, 10), "another owner's partial is not theirs");

        assertEquals(5, partials.held(key, 10), "the refused parts changed nothing");
        try (Upload second = beginFrom(10, 5)) {
            assertEquals(5, second.offset());
            assertFails(ErrorCode.BUSY, () -> partials.held(key, 10));
            write(second, "world");
            second.commit();
        }
        assertEquals("helloworld", Files.readString(root.resolve("docs/big.bin")));
        assertEquals(0, partials.held(key, 10));
    }

    @Test
    void aDroppedPartialIsGoneAndOnlyOfItsSize() throws Exception {
        try (Upload first = beginFrom(10, 0)) {
            write(first, "hello");
        }
        assertFalse(partials.drop(key, 12), "none of that size");
        assertFalse(partials.drop(new PartialKey("bob", key.path()), 10), "none of that owner");
        assertEquals(5, partials.held(key, 10));
        try (Upload running = beginFrom(10, 5)) {
            assertFails(ErrorCode.BUSY, () -> partials.drop(key, 10));
        }
        assertTrue(partials.drop(key, 10));
        assertEquals(0, partials.held(key, 10));
        assertEquals(0, filesIn(partials.directory()));
        assertFalse(partials.drop(key, 10), "twice: nothing left");
    }

    @Test
    void aPartOfANewSizeBeginningAtZeroReplacesTheOldPartial() throws Exception {
        try (Upload first = beginFrom(10, 0)) {
            write(first, "hello");
        }
        try (Upload other = beginFrom(12, 0)) {
            assertEquals(0, other.offset());
        }
        assertEquals(0, partials.held(key, 10));
    }

    @Test
    void aDiscardedUploadKeepsNothing() throws Exception {
        Files.writeString(root.resolve("docs/big.bin"), "old");
        try (Upload upload = begin(10)) {
            write(upload, "0123456789");
            upload.discard();
        }
        assertEquals("old", Files.readString(root.resolve("docs/big.bin")));
        assertEquals(0, filesIn(partials.directory()));
    }

    @Test
    void theStartUpSweepOfPlainTemporariesKeepsPartials() throws Exception {
        try (Upload upload = begin(10)) {
            write(upload, "hello");
        }
        Upload plain = storage.beginUpload(StoragePath.of("docs", "plain.bin"), 10); // left open, as by a kill
        storage.sweepTemporaryFiles();
        plain.close();
        try (Upload resumed = begin(10)) {
            assertEquals(5, resumed.offset());
        }
    }

    @Test
    void theRetentionSweepDeletesIdlePartialsAndBrokenOnesButNotThoseInUse() throws Exception {
        try (Upload idle = begin(10)) {
            write(idle, "hello");
        }
        PartialKey fresh = new PartialKey("", StoragePath.of("docs", "fresh.bin"));
        try (Upload recent = storage.beginUpload(fresh.path(), 10, partials.spools(fresh, 10))) {
            write(recent, "abc");
        }
        Path idleData = partials.directory().resolve(key.id() + PartialStore.DATA_SUFFIX);
        Files.setLastModifiedTime(idleData, FileTime.from(NOW.minus(RETENTION).minusSeconds(1)));
        Files.setLastModifiedTime(partials.directory().resolve(fresh.id() + PartialStore.DATA_SUFFIX),
                FileTime.from(NOW.minus(RETENTION).plusSeconds(1)));
        Files.writeString(partials.directory().resolve("orphan" + PartialStore.DATA_SUFFIX), "no record");
        Files.writeString(partials.directory().resolve("halfway" + PartialStore.RECORD_SUFFIX + ".new"), "own");

        PartialKey busy = new PartialKey("", StoragePath.of("docs", "busy.bin"));
        try (Upload running = storage.beginUpload(busy.path(), 10, partials.spools(busy, 10))) {
            Files.setLastModifiedTime(partials.directory().resolve(busy.id() + PartialStore.DATA_SUFFIX),
                    FileTime.from(NOW.minus(RETENTION).minusSeconds(100)));
            assertEquals(3, partials.sweepExpired(), "the idle one, the orphan, the half-written record");
            assertTrue(Files.exists(partials.directory().resolve(busy.id() + PartialStore.DATA_SUFFIX)));
        }
        try (Upload afresh = begin(10)) {
            assertEquals(0, afresh.offset());
        }
        try (Upload kept = storage.beginUpload(fresh.path(), 10, partials.spools(fresh, 10))) {
            assertEquals(3, kept.offset());
        }
    }

    @Test
    void aRecordThatIsNotOneIsNoPartial() throws Exception {
        try (Upload upload = begin(10)) {
            write(upload, "hello");
        }
        Files.writeString(partials.directory().resolve(key.id() + PartialStore.RECORD_SUFFIX), "size=ten\n");
        try (Upload afresh = begin(10)) {
            assertEquals(0, afresh.offset());
        }
        PartialRecord record = PartialRecord.read(partials.directory().resolve(key.id() + PartialStore.RECORD_SUFFIX))
                .orElseThrow();
        assertEquals(key, record.key());
        assertEquals(10, record.size());
        assertEquals(NOW, record.created());
    }

    @Test
    void theRetentionSetting() {
        java.util.Properties p = new java.util.Properties();
        assertEquals(Duration.ofHours(24), ResumeConfig.from(p).retention());
        assertEquals(Duration.ofMinutes(10), ResumeConfig.from(p).sweepInterval());
        p.setProperty(ResumeConfig.RETENTION, "2");
        assertEquals(Duration.ofSeconds(1), ResumeConfig.from(p).sweepInterval());
        p.setProperty(ResumeConfig.RETENTION, "0");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ResumeConfig.from(p));
    }

    private Upload begin(long size) throws Exception {
        return storage.beginUpload(key.path(), size, partials.spools(key, size));
    }

    private Upload beginFrom(long size, long from) throws Exception {
        return storage.beginUpload(key.path(), size, partials.spoolsFrom(key, size, from));
    }

    private static void write(Upload upload, String text) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            upload.channel().write(bytes);
        }
    }

    private List<String> names(StoragePath directory) throws Exception {
        return storage.list(directory).stream().map(DirEntry::name).toList();
    }

    private static long filesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
