package org.filedock.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the server left on disk, seen directly in the storage root. */
final class StorageFiles {

    private StorageFiles() {
    }

    /** The server's temporary files under a directory of the storage ({@code "/"} for all). */
    static List<Path> temporaryFiles(String storagePath) {
        Path directory = onDisk(storagePath);
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".filedock-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path onDisk(String storagePath) {
        return ItConfig.storageRoot().resolve(storagePath.replaceFirst("^/+", ""));
    }
}
