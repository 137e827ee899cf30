package org.filedock.api.files;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Instant;

/**
 * A file opened for reading under a download's lock (contract §6): the channel and the version
 * (size, time, tag) are those of the moment it was opened, so an atomic replace meanwhile changes
 * neither. Closing it releases the lock and the file, and ends a transfer that has begun.
 */
public interface FileReading extends AutoCloseable {

    long size();

    Instant modified();

    /**
     * A strong validator of this version of the file's bytes (no quotes): another file, or the same
     * name replaced, has another tag.
     */
    String tag();

    /** The open file; read it by position (it is shared with nobody but this reading). */
    FileChannel channel();

    /**
     * A direct buffer for copying this reading's bytes, the same kind the socket protocol's
     * transfers use; lent until {@link #close()}.
     */
    ByteBuffer copyBuffer();

    /**
     * Starts the transfer for the rate history: {@code length} bytes from {@code first}. At most one
     * per reading.
     */
    TransferProgress begin(long first, long length);

    @Override
    void close();
}
