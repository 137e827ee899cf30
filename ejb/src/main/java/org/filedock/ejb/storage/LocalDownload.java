package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A download from an already open channel; the size is the size at open time. */
final class LocalDownload implements Download {

    private static final Logger LOG = Logger.getLogger(LocalDownload.class.getName());

    private final FileChannel channel;
    private final long size;
    private final FileVersion version;

    LocalDownload(FileChannel channel, long size, FileVersion version) {
        this.channel = channel;
        this.size = size;
        this.version = version;
    }

    @Override
    public FileVersion version() {
        return version;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public FileChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a download channel failed", e);
        }
    }
}
