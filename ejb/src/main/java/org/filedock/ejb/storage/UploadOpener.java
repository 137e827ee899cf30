package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalLong;

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

    UploadOpener(RootConfinement confinement, OptionalLong maxFileSize) {
        this.confinement = confinement;
        this.maxFileSize = maxFileSize;
    }

    Upload open(StoragePath file, long size) throws CommandException {
        if (size < 0) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "invalid size");
        }
        if (file.isRoot()) {
            throw new CommandException(ErrorCode.FORBIDDEN, "cannot upload to the root");
        }
        Path target = confinement.entry(file);
        refuseUnsafeTarget(target, file);
        if (maxFileSize.isPresent() && size > maxFileSize.getAsLong()) {
            throw new CommandException(ErrorCode.NO_SPACE,
                    "file exceeds the maximum size of " + maxFileSize.getAsLong() + " bytes");
        }
        Path directory = target.getParent();
        try {
            // one statvfs; Files.getFileStore would read the whole mount table for every upload
            if (size > directory.toFile().getUsableSpace()) {
                throw new CommandException(ErrorCode.NO_SPACE,
                        "not enough free space for " + size + " bytes");
            }
            return new LocalUpload(file, target, TemporaryFiles.createUploadFile(directory), size);
        } catch (IOException e) {
            throw IoErrors.translate(e, "upload", file);
        }
    }

    /** An upload may replace a file, or a link to a file inside the root, nothing else. */
    private void refuseUnsafeTarget(Path target, StoragePath file) throws CommandException {
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // a new file
        } catch (IOException e) {
            throw IoErrors.translate(e, "upload", file);
        }
        if (existing.isSymbolicLink()) {
            try {
                Path real = target.toRealPath();
                if (!real.startsWith(confinement.realRoot())) {
                    throw RootConfinement.leavesRoot();
                }
                existing = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw RootConfinement.leavesRoot(); // a dangling link: where it leads is unknown
            } catch (IOException e) {
                throw IoErrors.translate(e, "upload", file);
            }
        }
        if (existing.isDirectory()) {
            throw new CommandException(ErrorCode.IS_A_DIRECTORY, file + " is a directory");
        }
    }
}
