package org.filedock.ejb.storage;

import java.nio.channels.WritableByteChannel;

import org.filedock.api.CommandException;

/** An upload in progress: bytes go to a temporary file until {@link #commit()}. */
public interface Upload extends AutoCloseable {

    /** Write the payload here. */
    WritableByteChannel channel();

    /**
     * Forces the bytes to disk, then atomically replaces the target with them.
     *
     * @throws CommandException IS_A_DIRECTORY if the target has become a directory meanwhile,
     *         INTERNAL if fewer or more bytes than announced were written, NO_SPACE, INTERNAL
     */
    void commit() throws CommandException;

    /** Without a commit: discards the temporary file. Never throws. */
    @Override
    void close();
}
