package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

/**
 * Maps a {@link StoragePath} to a path on disk and keeps it under the root (contract §3). The
 * walk resolves one segment at a time to its real path, so a symbolic link anywhere in the
 * path is followed only as far as the check that its target is still under the root.
 */
final class RootConfinement {

    private static final Logger LOG = Logger.getLogger(RootConfinement.class.getName());

    private final Path realRoot;

    RootConfinement(Path realRoot) {
        this.realRoot = realRoot;
    }

    Path realRoot() {
        return realRoot;
    }

    /**
     * The real path (no symbolic links left in it) of something that exists.
     *
     * @throws CommandException NOT_FOUND, NOT_A_DIRECTORY (a parent is a file), FORBIDDEN (it
     *         or a parent is a link that leads out of the root)
     */
    Path existing(StoragePath path) throws CommandException {
        Path current = realRoot;
        StoragePath walked = StoragePath.ROOT;
        for (String name : path.segments()) {
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw notADirectory(walked);
            }
            walked = walked.child(name);
            Path next = child(current, name, walked);
            try {
                current = next.toRealPath();
            } catch (NoSuchFileException e) {
                throw new CommandException(ErrorCode.NOT_FOUND, path + " not found");
            } catch (IOException e) {
                throw IoErrors.translate(e, "open", path);
            }
            if (!current.startsWith(realRoot)) {
                LOG.log(Level.WARNING, "refused {0}: a symbolic link leads out of the root",
                        walked);
                throw leavesRoot();
            }
        }
        return current;
    }

    /** {@link #existing} for a path that must be a directory. */
    Path existingDirectory(StoragePath path) throws CommandException {
        Path real = existing(path);
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw notADirectory(path);
        }
        return real;
    }

    /**
     * The entry's own location: its real parent directory and its name. Removing or renaming
     * this removes or renames a symbolic link itself, never what it points to.
     */
    Path entry(StoragePath path) throws CommandException {
        return child(existingDirectory(path.parent()), path.name(), path);
    }

    static CommandException leavesRoot() {
        return new CommandException(ErrorCode.FORBIDDEN, "path leaves the root");
    }

    static CommandException notADirectory(StoragePath path) {
        return new CommandException(ErrorCode.NOT_A_DIRECTORY, path + " is not a directory");
    }

    /** Appends one name, making sure the file system reads it as one name and nothing else. */
    private static Path child(Path directory, String name, StoragePath forMessage)
            throws CommandException {
        Path child;
        try {
            child = directory.resolve(name);
        } catch (InvalidPathException e) {
            LOG.log(Level.WARNING, "the file system cannot hold the name of " + forMessage
                    + " (is the JVM's sun.jnu.encoding UTF-8?)", e);
            throw new CommandException(ErrorCode.INTERNAL,
                    "the storage cannot hold the name of " + forMessage);
        }
        if (child.getNameCount() != directory.getNameCount() + 1
                || !child.getParent().equals(directory)) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "invalid name");
        }
        return child;
    }
}
