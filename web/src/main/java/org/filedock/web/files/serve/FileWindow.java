package org.filedock.web.files.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

import org.filedock.api.files.TransferProgress;

/**
 * A read-only view of bytes {@code [first, first + length)} of an open file, which counts every
 * byte it hands on for the rate history. The container's zero-copy path takes a whole channel from
 * its position to its size; this view makes that the range, and hands {@link #transferTo} to the
 * real file in steps of {@value #STEP} bytes (each one {@code sendfile} on a plain socket), so that
 * the history sees the transfer advance. Closing the view leaves the file open.
 */
final class FileWindow extends FileChannel {

    static final long STEP = 4L << 20;

    private final FileChannel file;
    private final long end;
    private final TransferProgress progress;
    private long position;

    FileWindow(FileChannel file, long first, long length, TransferProgress progress) {
        this.file = file;
        this.position = first;
        this.end = first + length;
        this.progress = progress;
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        long n = Math.min(Math.min(count, end - at), STEP);
        if (n <= 0) {
            return 0;
        }
        long sent = file.transferTo(at, n, target);
        progress.moved(sent);
        return sent;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        if (at >= end) {
            return -1;
        }
        int limit = dst.limit();
        if (dst.remaining() > end - at) {
            dst.limit(dst.position() + (int) (end - at));
        }
        try {
            int n = file.read(dst, at);
            if (n > 0) {
                progress.moved(n);
            }
            return n;
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            if (!dsts[i].hasRemaining()) {
                continue;
            }
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public FileChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return end;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing written
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
        throw new UnsupportedOperationException("a window is read by transfer or read");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("FileDock's own locks guard its files");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("FileDock's own locks guard its files");
    }

    @Override
    protected void implCloseChannel() {
        // the file belongs to the reading that opened it
    }
}
