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
import java.util.Arrays;
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
        // java.io reads a directory with five system calls where a DirectoryStream makes nine
        String[] names = directory.toFile().list();
        if (names == null) {
            throw whyNotListed(directory, forMessages);
        }
        // names sort by their UTF-8 bytes; two names that decode alike are listed once (see nameable)
        Arrays.sort(names, Utf8NameOrder.NAMES);
        List<DirEntry> entries = new ArrayList<>(names.length);
        String previous = null;
        for (String name : names) {
            if (!name.equals(previous)) {
                DirEntry entry = describe(directory, name);
                if (entry != null) {
                    entries.add(entry);
                }
            }
            previous = name;
        }
        return entries;
    }

    /** The precise reason a directory could not be listed; java.io only says that it could not. */
    private static CommandException whyNotListed(Path directory, StoragePath forMessages) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.iterator().hasNext();
            return IoErrors.translate(new IOException("the directory could not be read"), "list", forMessages);
        } catch (IOException e) {
            return IoErrors.translate(e, "list", forMessages);
        } catch (DirectoryIteratorException e) {
            return IoErrors.translate(e.getCause(), "list", forMessages);
        }
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

    private DirEntry describe(Path directory, String name) {
        Path child = nameable(directory, name);
        if (child == null) {
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
     * The path of a name a client can use to reach the entry again, or null. A name whose bytes
     * are not UTF-8 is decoded with replacement characters and so leads to another name, which
     * usually does not exist (the entry is then left out as gone); if it does exist, that entry is
     * the one the name reaches, and it is listed once.
     */
    private static Path nameable(Path directory, String name) {
        if (!NameRules.isValidName(name) || NameRules.isReserved(name)) {
            return null;
        }
        try {
            return directory.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
