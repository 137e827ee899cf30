package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.filedock.api.CommandException;

/**
 * Where an upload's bytes wait for the commit: a plain upload's temporary file beside the
 * target, or a resumable upload's partial data (contract §10), which may already hold the first
 * bytes of the file and outlives an upload that ends without a commit.
 */
public interface Spool {

    /** How an upload ended, for the spool's own bookkeeping. */
    enum Ending {
        /** The file became the target. */
        COMMITTED,
        /** No commit, and the bytes stay (synced) for a later resume. */
        KEPT,
        /** No commit, and the file is deleted. */
        DISCARDED
    }

    /** Opens the spool of one upload. */
    @FunctionalInterface
    interface Source {
        /** @param targetDirectory the real directory the target will be in */
        Spool open(Path targetDirectory) throws IOException, CommandException;
    }

    /** The file the bytes go to; on the storage's file system, hidden from listings. */
    Path file();

    /** Open for writing, positioned right after the {@link #held()} bytes. */
    FileChannel channel();

    /** Bytes the file already holds from earlier parts; the client sends only the rest. */
    long held();

    /** What the parts of one resumable upload have in common, for the history; null for a plain upload. */
    String uploadId();

    /** Whether an upload that ends without a commit keeps its bytes for a later resume. */
    boolean keepsUnfinished();

    /** Called once, after the upload has closed the channel and moved or deleted the file. */
    void ended(Ending ending);
}
