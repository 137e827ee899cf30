package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

/**
 * Checks everything about an upload that can be checked before its first byte (contract §6),
 * then opens the temporary file it will be written to.
 */
final class UploadOpener {

    private final RootConfinement confinement;
    private final OptionalLong maxFileSize;
    private final DeferredRelease release;
    private final Executor background;
    private final DirectorySyncs directories;

    UploadOpener(RootConfinement confinement, OptionalLong maxFileSize, DeferredRelease release,
            Executor background, DirectorySyncs directories) {
        this.confinement = confinement;
        this.maxFileSize = maxFileSize;
        this.release = release;
        this.background = background;
        this.directories = directories;
    }

    Upload open(StoragePath file, long size, Spool.Source spools) throws CommandException {
        if (size < 0) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "invalid size");
        }
        if (file.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot upload to the root");
        }
        Path target = confinement.entry(file);
        BasicFileAttributes replaced = refuseUnsafeTarget(target, file);
        if (maxFileSize.isPresent() && size > maxFileSize.getAsLong()) {
            throw new CommandException(ErrorCode.NO_SPACE,
                    "file exceeds the maximum size of " + maxFileSize.getAsLong() + " bytes");
        }
        Upload upload;
        Spool spool;
        try {
            spool = spools.open(target.getParent());
            upload = new LocalUpload(file, target, spool,
                    new WriteBehindChannel(spool.channel(), background), size, release, replaced,
                    directories);
        } catch (IOException e) {
            throw IoErrors.translate(e, "upload", file);
        }
        try {
            refuseWithoutSpace(spool.file().getParent(), size - spool.held());
        } catch (CommandException | RuntimeException e) {
            upload.close(); // a resumable upload keeps what it holds
            throw e;
        }
        return upload;
    }

    /** Only the bytes still to come need room (a resumed upload holds the rest already). */
    private void refuseWithoutSpace(Path directory, long toCome) throws CommandException {
        // one statvfs; Files.getFileStore would read the whole mount table for every upload.
        // Files removed a moment ago may still hold their blocks (DeferredRelease).
        if (toCome > directory.toFile().getUsableSpace() + release.pendingBytes()) {
            throw new CommandException(ErrorCode.NO_SPACE,
                    "not enough free space for " + toCome + " bytes");
        }
    }

    /**
     * An upload may replace a file, or a link to a file inside the root, nothing else.
     *
     * @return the target's own entry (a link, not what it leads to), which the upload replaces;
     *         null for a new file
     */
    private BasicFileAttributes refuseUnsafeTarget(Path target, StoragePath file) throws CommandException {
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // a new file
        } catch (IOException e) {
            throw IoErrors.translate(e, "upload", file);
        }
        if (!existing.isSymbolicLink()) {
            if (existing.isDirectory()) {
                throw isADirectory(file);
            }
            return existing;
        }
        BasicFileAttributes linked;
        try {
            Path real = target.toRealPath();
            if (!real.startsWith(confinement.realRoot())) {
                throw RootConfinement.leavesRoot();
            }
            linked = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw RootConfinement.leavesRoot(); // a dangling link: where it leads is unknown
        } catch (IOException e) {
            throw IoErrors.translate(e, "upload", file);
        }
        if (linked.isDirectory()) {
            throw isADirectory(file);
        }
        return existing;
    }

    private static CommandException isADirectory(StoragePath file) {
        return new CommandException(ErrorCode.IS_A_DIRECTORY, file + " is a directory");
    }
}
