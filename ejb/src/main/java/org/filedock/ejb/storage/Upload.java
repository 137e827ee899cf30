package org.filedock.ejb.storage;

import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

import org.filedock.api.CommandException;

/** An upload in progress: bytes go to a temporary file (its spool) until {@link #commit()}. */
public interface Upload extends AutoCloseable {

    /** Write the payload here, after the {@link #offset()} bytes the spool already holds. */
    WritableByteChannel channel();

    /** Bytes held from earlier parts of a resumable upload; 0 for a plain one. */
    long offset();

    /** Shared by the parts of one resumable upload (for the history); null for a plain upload. */
    String uploadId();

    /**
     * The bytes the target takes now and frees at the commit: the size of the file it replaces,
     * 0 for a new file or a symbolic link (the link is replaced, not its target).
     */
    long replacedBytes();

    /** The file the bytes go to, to read back the held bytes (a resumed upload's digest). */
    Path spoolFile();

    /**
     * Forces the bytes to disk, then atomically replaces the target with them.
     *
     * @throws CommandException IS_A_DIRECTORY if the target has become a directory meanwhile,
     *         INTERNAL if fewer or more bytes than announced were written, NO_SPACE, INTERNAL
     */
    void commit() throws CommandException;

    /**
     * Without a commit: discards the temporary file, or keeps a resumable upload's bytes
     * (synced) for the next part. Never throws.
     */
    @Override
    void close();

    /** Without a commit: discards the bytes, those of a resumable upload too. Never throws. */
    void discard();
}
