package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A plain upload's spool: a new temporary file beside the target, deleted unless committed. */
record TemporarySpool(Path file, FileChannel channel) implements Spool {

    static final Spool.Source SOURCE = TemporarySpool::create;

    static Spool create(Path directory) throws IOException {
        TemporaryFiles.Created created = TemporaryFiles.createUploadFile(directory);
        return new TemporarySpool(created.file(), created.channel());
    }

    @Override
    public long held() {
        return 0;
    }

    @Override
    public String uploadId() {
        return null;
    }

    @Override
    public boolean keepsUnfinished() {
        return false;
    }

    @Override
    public void ended(Ending ending) {
        // nothing recorded anywhere else
    }
}
