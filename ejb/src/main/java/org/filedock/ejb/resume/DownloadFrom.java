package org.filedock.ejb.resume;

import java.nio.channels.FileChannel;

import org.filedock.api.CommandException;
import org.filedock.ejb.storage.Download;
import org.filedock.ejb.storage.FileVersion;
import org.filedock.protocol.ErrorCode;

/** The part of a download from an offset to the end ({@code DOWNLOAD <path> <offset>}, contract §10). */
public final class DownloadFrom implements Download {

    private final Download whole;
    private final long offset;

    private DownloadFrom(Download whole, long offset) {
        this.whole = whole;
        this.offset = offset;
    }

    /**
     * @throws CommandException BAD_REQUEST if the offset is beyond the file's end (the download
     *         is closed then)
     */
    public static Download of(Download whole, long offset) throws CommandException {
        if (offset == 0) {
            return whole;
        }
        if (offset > whole.size()) {
            long size = whole.size();
            whole.close();
            throw new CommandException(ErrorCode.BAD_REQUEST, "offset " + offset + " is beyond the end (" + size + " bytes)");
        }
        return new DownloadFrom(whole, offset);
    }

    @Override
    public long size() {
        return whole.size() - offset;
    }

    @Override
    public long start() {
        return offset;
    }

    @Override
    public FileVersion version() {
        return whole.version();
    }

    @Override
    public FileChannel channel() {
        return whole.channel();
    }

    @Override
    public void close() {
        whole.close();
    }
}
