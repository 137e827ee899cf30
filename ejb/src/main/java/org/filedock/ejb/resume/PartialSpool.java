package org.filedock.ejb.resume;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.filedock.ejb.storage.Spool;

/** A resumable upload's spool: its partial data, kept when the upload ends without a commit. */
record PartialSpool(PartialStore store, String id, String owner, String uploadId, Path file, FileChannel channel, long held)
        implements Spool {

    @Override
    public boolean keepsUnfinished() {
        return true;
    }

    @Override
    public void ended(Ending ending) {
        store.ended(this, ending);
    }
}
