package org.filedock.ejb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.InterruptedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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
        FlushHook hook = new FlushHook(file);
        channel = new WriteBehindChannel(hook, queued::add);
        write(WriteBehindChannel.STRIDE);
        channel.sync(); // returns at once: nothing runs the queued flush
        queued.remove().run(); // too late: does nothing
        assertEquals(0, hook.flushes.get());
    }

    @Test
    void aFailedFlushFailsTheSyncThoughItsOwnFsyncSucceeds() throws IOException {
        FlushHook hook = new FlushHook(file);
        hook.failure = new IOException("No space left on device");
        channel = new WriteBehindChannel(hook, queued::add);
        write(WriteBehindChannel.STRIDE);
        queued.remove().run();
        IOException thrown = assertThrows(IOException.class, channel::sync);
        assertSame(hook.failure, thrown);
    }

    @Test
    void aRunningFlushGoesOnBesideTheSyncWhichWaitsForIt() throws Exception {
        FlushHook hook = new FlushHook(file);
        hook.block = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            channel = new WriteBehindChannel(hook, background);
            write(WriteBehindChannel.STRIDE);
            Poll.until(() -> hook.flushes.get() > 0); // the flush has begun (and blocks)
            ExecutorService committer = Executors.newSingleThreadExecutor();
            try {
                Future<?> sync = committer.submit(() -> {
                    channel.sync();
                    return null;
                });
                Poll.until(() -> hook.fsyncs.get() > 0); // the commit's fsync begins while the flush runs
                assertThrows(TimeoutException.class, () -> sync.get(50, TimeUnit.MILLISECONDS),
                        "the sync returned before the running flush ended");
                hook.block.countDown();
                sync.get(10, TimeUnit.SECONDS);
            } finally {
                committer.shutdownNow();
            }
        } finally {
            background.shutdownNow();
        }
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

    /**
     * The real file, but its flushes ({@code force(false)}) can be made to fail or to block: a
     * failing {@code fdatasync} cannot be produced on a healthy disk.
     */
    private static final class FlushHook extends FileChannel {

        private final FileChannel file;
        final AtomicInteger flushes = new AtomicInteger();
        final AtomicInteger fsyncs = new AtomicInteger();
        volatile IOException failure;
        volatile CountDownLatch block;

        FlushHook(FileChannel file) {
            this.file = file;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (metaData) {
                fsyncs.incrementAndGet();
                file.force(true);
                return;
            }
            flushes.incrementAndGet();
            if (block != null) {
                try {
                    block.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
            }
            if (failure != null) {
                throw failure;
            }
            file.force(false);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return file.write(src);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileChannel position(long newPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
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
