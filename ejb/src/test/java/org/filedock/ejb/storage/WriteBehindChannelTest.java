package org.filedock.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.filedock.ejb.path.StoragePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindChannelTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path temp;

    private final Queue<Runnable> queued = new ArrayDeque<>();
    private FileChannel file;
    private WriteBehindChannel channel;

    @BeforeEach
    void open() throws IOException {
        file = FileChannel.open(temp.resolve("upload"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel = new WriteBehindChannel(file, queued::add);
    }

    @AfterEach
    void close() throws IOException {
        channel.close();
    }

    @Test
    void aFlushStartsEveryStrideWhileNoneIsPending() throws IOException {
        write(WriteBehindChannel.STRIDE - MIB);
        assertEquals(0, queued.size());
        write(MIB);
        assertEquals(1, queued.size());
        write(WriteBehindChannel.STRIDE);
        assertEquals(1, queued.size(), "a second flush while the first has not run");
        queued.remove().run();
        write(WriteBehindChannel.STRIDE);
        assertEquals(1, queued.size());
        assertEquals(3 * WriteBehindChannel.STRIDE, channel.size());
    }

    @Test
    void aFlushNotStartedWhenThePayloadEndsIsDropped() throws IOException {
        write(WriteBehindChannel.STRIDE);
        channel.finish(); // returns at once: nothing runs the queued flush
        queued.remove().run(); // too late: does nothing
        channel.force();
    }

    @Test
    void aFailedFlushFailsTheFinish() throws IOException {
        write(WriteBehindChannel.STRIDE);
        file.close();
        queued.remove().run();
        assertThrows(ClosedChannelException.class, channel::finish);
    }

    @Test
    void aLargeUploadThroughTheStorageKeepsEveryByte() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            LocalDiskStorage storage = new LocalDiskStorage(temp.resolve("root"), OptionalLong.empty(), background);
            byte[] chunk = new byte[MIB];
            ThreadLocalRandom.current().nextBytes(chunk);
            int chunks = (int) (2 * WriteBehindChannel.STRIDE / MIB) + 3;
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            try (Upload upload = storage.beginUpload(StoragePath.of("big.bin"), (long) chunks * MIB)) {
                for (int i = 0; i < chunks; i++) {
                    chunk[0] = (byte) i;
                    sent.update(chunk);
                    ByteBuffer buffer = ByteBuffer.wrap(chunk);
                    while (buffer.hasRemaining()) {
                        upload.channel().write(buffer);
                    }
                }
                upload.commit();
            }
            MessageDigest stored = MessageDigest.getInstance("SHA-256");
            stored.update(Files.readAllBytes(temp.resolve("root").resolve("big.bin")));
            assertArrayEquals(sent.digest(), stored.digest());
        } finally {
            background.shutdownNow();
        }
    }

    private void write(long bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MIB);
        for (long left = bytes; left > 0; left -= MIB) {
            buffer.clear();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
