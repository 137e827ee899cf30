package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

/**
 * An upload into its {@link Spool} (a temporary file beside its target, or a resumable upload's
 * partial data). Only a commit makes the bytes visible, with one atomic rename, so readers see
 * either the old file or the whole new one.
 */
final class LocalUpload implements Upload {

    private static final Logger LOG = Logger.getLogger(LocalUpload.class.getName());

    private final StoragePath target;
    private final Path targetFile;
    private final Spool spool;
    private final Path temporaryFile;
    private final WriteBehindChannel channel;
    private final long expectedSize;
    private final DeferredRelease release;
    private final BasicFileAttributes replaced;
    private final DirectorySyncs directories;
    private boolean committed;
    private boolean closed;

    /** @param replaced what the target's own entry is now; null if nothing */
    LocalUpload(StoragePath target, Path targetFile, Spool spool, WriteBehindChannel channel,
            long expectedSize, DeferredRelease release, BasicFileAttributes replaced, DirectorySyncs directories) {
        this.target = target;
        this.targetFile = targetFile;
        this.spool = spool;
        this.temporaryFile = spool.file();
        this.channel = channel;
        this.expectedSize = expectedSize;
        this.release = release;
        this.replaced = replaced;
        this.directories = directories;
    }

    @Override
    public WritableByteChannel channel() {
        return channel;
    }

    @Override
    public long offset() {
        return spool.held();
    }

    @Override
    public String uploadId() {
        return spool.uploadId();
    }

    @Override
    public long replacedBytes() {
        return replaced == null || replaced.isSymbolicLink() ? 0 : replaced.size();
    }

    @Override
    public Path spoolFile() {
        return temporaryFile;
    }

    @Override
    public synchronized void commit() throws CommandException {
        if (committed || closed) {
            throw new IllegalStateException("upload of " + target + " is already finished");
        }
        try {
            long written = channel.size();
            if (written != expectedSize) {
                LOG.log(Level.SEVERE, "upload of {0}: {1} bytes written, {2} announced",
                        new Object[] {target, written, expectedSize});
                throw IoErrors.internal("store", target);
            }
            channel.sync();
            channel.close();
        } catch (IOException e) {
            throw IoErrors.translate(e, "store", target);
        }
        DeferredRelease.Held held = release.hold(targetFile, replaced);
        try {
            // rename(2) refuses to replace a directory with a file (EISDIR)
            Files.move(temporaryFile, targetFile, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (Files.isDirectory(targetFile)) {
                throw isADirectory();
            }
            throw IoErrors.translate(e, "store", target);
        } finally {
            held.release();
        }
        committed = true;
        directories.sync(targetFile.getParent()); // makes the rename itself durable
        spool.ended(Spool.Ending.COMMITTED);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (committed) {
            return;
        }
        if (spool.keepsUnfinished() && keepSynced()) {
            spool.ended(Spool.Ending.KEPT);
            return;
        }
        delete();
    }

    @Override
    public synchronized void discard() {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            delete();
        }
    }

    /**
     * Makes what arrived durable for a later resume: the bytes on disk after this
     * {@code fdatasync} are what the next part continues from.
     */
    private boolean keepSynced() {
        try {
            channel.sync();
            channel.close();
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot keep the partial data of " + target + "; dropping it", e);
            return false;
        }
    }

    private void delete() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing an aborted upload's channel failed", e);
        }
        try {
            Files.deleteIfExists(temporaryFile);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the temporary file " + temporaryFile
                    + " of an aborted upload of " + target, e);
        }
        spool.ended(Spool.Ending.DISCARDED);
    }

    private CommandException isADirectory() {
        return new CommandException(ErrorCode.IS_A_DIRECTORY, target + " is a directory");
    }
}
