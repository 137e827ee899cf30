package org.filedock.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** What the server left on disk, seen directly in the storage root. */
final class StorageFiles {

    private StorageFiles() {
    }

    /** The server's temporary files under a directory of the storage ({@code "/"} for all). */
    static List<Path> temporaryFiles(String storagePath) {
        return temporaryFilesUnder(onDisk(storagePath));
    }

    /**
     * The server's temporary files under {@code directory}. The server deletes them while we look,
     * so an entry that vanishes during the walk is simply not there.
     */
    static List<Path> temporaryFilesUnder(Path directory) {
        List<Path> found = new ArrayList<>();
        if (!Files.exists(directory)) {
            return found;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().startsWith(".filedock-")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static Path onDisk(String storagePath) {
        return ItConfig.storageRoot().resolve(storagePath.replaceFirst("^/+", ""));
    }
}
