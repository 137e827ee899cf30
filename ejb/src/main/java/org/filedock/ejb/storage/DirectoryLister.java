package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.NameRules;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.DirEntry;

/**
 * Lists a directory as DIR entries, leaving out what a client could not name or must not see:
 * the server's temporary files, names that are not valid FileDock names (control characters,
 * bytes that are not UTF-8), symbolic links that lead out of the root or nowhere, and special
 * files (devices, pipes, sockets).
 */
final class DirectoryLister {

    private static final Logger LOG = Logger.getLogger(DirectoryLister.class.getName());

    private final Path realRoot;

    DirectoryLister(Path realRoot) {
        this.realRoot = realRoot;
    }

    /** @param directory the real path of the directory to list */
    List<DirEntry> list(Path directory, StoragePath forMessages) throws CommandException {
        List<DirEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                DirEntry entry = describe(directory, child);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw IoErrors.translate(e, "list", forMessages);
        } catch (DirectoryIteratorException e) {
            throw IoErrors.translate(e.getCause(), "list", forMessages);
        }
        entries.sort(Comparator.comparing(DirEntry::name, Utf8NameOrder.NAMES));
        return entries;
    }

    /** The entry for a file or directory, or null for anything else (devices, pipes...). */
    static DirEntry entryOf(String name, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return new DirEntry(DirEntry.Type.DIRECTORY, 0,
                    attributes.lastModifiedTime().toInstant(), name);
        }
        if (attributes.isRegularFile()) {
            return new DirEntry(DirEntry.Type.FILE, attributes.size(),
                    attributes.lastModifiedTime().toInstant(), name);
        }
        return null;
    }

    private DirEntry describe(Path directory, Path child) {
        String name = child.getFileName().toString();
        if (!isNameable(directory, child, name)) {
            return null;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(child,
                    BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                Path target = child.toRealPath();
                if (!target.startsWith(realRoot)) {
                    return null;
                }
                attributes = Files.readAttributes(target, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
            }
            return entryOf(name, attributes);
        } catch (NoSuchFileException e) {
            return null; // gone since the listing started, or a dangling link
        } catch (IOException e) {
            LOG.log(Level.FINE, "left out of a listing: " + child, e);
            return null;
        }
    }

    /**
     * A name a client can use to reach the entry again. A name whose bytes are not UTF-8 is
     * decoded with replacement characters, so it no longer leads back to the same file.
     */
    private static boolean isNameable(Path directory, Path child, String name) {
        if (!NameRules.isValidName(name) || NameRules.isReserved(name)) {
            return false;
        }
        try {
            return directory.resolve(name).equals(child);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
