package org.filedock.ejb.service;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.filedock.api.files.FileReading;
import org.filedock.api.files.TransferProgress;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.storage.Download;

/** A file opened under a download's lock for a reader outside the socket protocol (HTTP). */
final class OpenedFile implements FileReading {

    private final FileLock lock;
    private final Download download;
    private final LongFunction<TransferProgress> recording;
    private final Supplier<TransferBuffers.Lease> buffers;
    private TransferProgress progress;
    private TransferBuffers.Lease lease;

    /**
     * @param recording starts the history's record of a transfer of that many bytes
     * @param buffers lends the copy buffer, on first use
     */
    OpenedFile(FileLock lock, Download download, LongFunction<TransferProgress> recording,
               Supplier<TransferBuffers.Lease> buffers) {
        this.lock = lock;
        this.download = download;
        this.recording = recording;
        this.buffers = buffers;
    }

    @Override
    public long size() {
        return download.size();
    }

    @Override
    public Instant modified() {
        return download.version().modified();
    }

    @Override
    public String tag() {
        return download.version().tag();
    }

    @Override
    public FileChannel channel() {
        return download.channel();
    }

    @Override
    public ByteBuffer copyBuffer() {
        if (lease == null) {
            lease = buffers.get();
        }
        return lease.buffer();
    }

    @Override
    public TransferProgress begin(long first, long length) {
        if (progress != null) {
            throw new IllegalStateException("a reading is one transfer");
        }
        if (first < 0 || length < 0 || first + length > download.size()) {
            throw new IllegalArgumentException("bytes " + first + "+" + length + " are not in the file");
        }
        progress = recording.apply(length);
        return progress;
    }

    /** Ends the transfer (if it began), then closes the file, then lets go of the lock. */
    @Override
    public void close() {
        try {
            if (progress != null) {
                progress.close();
            }
            if (lease != null) {
                lease.close();
            }
        } finally {
            try {
                download.close();
            } finally {
                lock.close();
            }
        }
    }
}
