package org.filedock.ejb.storage;

import java.nio.channels.FileChannel;

/**
 * A file opened for reading. The channel was opened when the download was, so an upload that
 * replaces the file meanwhile does not change what this reader sees.
 */
public interface Download extends AutoCloseable {

    /** The bytes to send, from {@link #start()} to the end. */
    long size();

    /** Where in the file the bytes to send begin: 0 but for a resumed download. */
    default long start() {
        return 0;
    }

    FileChannel channel();

    /** The whole file's version when it was opened. */
    FileVersion version();

    @Override
    void close();
}
