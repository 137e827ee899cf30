package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

/**
 * Maps a {@link StoragePath} to a path on disk and keeps it under the root (contract §3). The
 * walk looks at one segment at a time without following links (one {@code lstat} each); only a
 * segment that is a symbolic link is resolved to its real path, and followed only when that is
 * still under the root.
 */
final class RootConfinement {

    private static final Logger LOG = Logger.getLogger(RootConfinement.class.getName());

    /**
     * What the walk found for an existing path.
     *
     * @param real its real path (no symbolic links left in it)
     * @param entry its own location: the real parent and its name (a link itself, if it is one)
     * @param attributes of {@code real}
     */
    record Located(Path real, Path entry, BasicFileAttributes attributes) {

        boolean isDirectory() {
            return attributes.isDirectory();
        }
    }

    private final Path realRoot;

    RootConfinement(Path realRoot) {
        this.realRoot = realRoot;
    }

    Path realRoot() {
        return realRoot;
    }

    /**
     * Walks to something that exists.
     *
     * @throws CommandException NOT_FOUND, NOT_A_DIRECTORY (a parent is a file), FORBIDDEN (it
     *         or a parent is a link that leads out of the root)
     */
    Located locate(StoragePath path) throws CommandException {
        Path current = realRoot;
        Path entry = realRoot;
        // the root is a directory (checked at start-up); it is only looked at when asked for
        BasicFileAttributes attributes = path.isRoot() ? attributesOf(realRoot, path) : null;
        StoragePath walked = StoragePath.ROOT;
        for (String name : path.segments()) {
            if (attributes != null && !attributes.isDirectory()) {
                throw notADirectory(walked);
            }
            walked = walked.child(name);
            entry = child(current, name, walked);
            current = entry;
            attributes = attributesOf(current, path);
            if (attributes.isSymbolicLink()) {
                current = realPathOf(current, path);
                if (!current.startsWith(realRoot)) {
                    LOG.log(Level.WARNING, "refused {0}: a symbolic link leads out of the root",
                            walked);
                    throw leavesRoot();
                }
                attributes = attributesOf(current, path);
            }
        }
        return new Located(current, entry, attributes);
    }

    /** The real path of something that must be an existing directory; see {@link #locate}. */
    Path existingDirectory(StoragePath path) throws CommandException {
        if (path.isRoot()) {
            return realRoot; // a directory (checked at start-up): no lstat for every MKDIR x, DIR /
        }
        Located located = locate(path);
        if (!located.isDirectory()) {
            throw notADirectory(path);
        }
        return located.real();
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

    private static BasicFileAttributes attributesOf(Path path, StoragePath forMessage)
            throws CommandException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new CommandException(ErrorCode.NOT_FOUND, forMessage + " not found");
        } catch (IOException e) {
            throw IoErrors.translate(e, "open", forMessage);
        }
    }

    private static Path realPathOf(Path link, StoragePath forMessage) throws CommandException {
        try {
            return link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new CommandException(ErrorCode.NOT_FOUND, forMessage + " not found");
        } catch (IOException e) {
            throw IoErrors.translate(e, "open", forMessage);
        }
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
