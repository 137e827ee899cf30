package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.DirEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A storage root and, beside it, a directory outside the root for links to point at. */
abstract class StorageTestBase {

    @TempDir
    Path temp;

    Path root;
    Path outside;
    LocalDiskStorage storage;

    @BeforeEach
    void createStorage() throws IOException {
        root = temp.resolve("root");
        outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        storage = new LocalDiskStorage(root, OptionalLong.empty());
    }

    static StoragePath path(String... names) {
        return StoragePath.of(names);
    }

    Path write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    Path mkdirs(String relative) throws IOException {
        return Files.createDirectories(root.resolve(relative));
    }

    String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    List<String> names(StoragePath directory) throws CommandException {
        return storage.list(directory).stream().map(DirEntry::name).collect(Collectors.toList());
    }

    /** Everything under the root as the file system has it, hidden files included. */
    List<String> everythingUnderRoot() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }

    static void writeFully(Upload upload, String content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            upload.channel().write(buffer);
        }
    }

    static String readFully(Download download) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) download.size() + 16);
        while (download.channel().read(buffer) > 0) {
            // keep reading
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    static long bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }
}
