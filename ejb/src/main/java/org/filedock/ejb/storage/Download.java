package org.filedock.ejb.storage;

import java.nio.channels.FileChannel;

/**
 * A file opened for reading. The channel was opened when the download was, so an upload that
 * replaces the file meanwhile does not change what this reader sees.
 */
public interface Download extends AutoCloseable {

    long size();

    FileChannel channel();

    @Override
    void close();
}
