package org.filedock.cli.client;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The local file of an upload, checked and opened before anything is sent to the server. */
final class UploadSource implements Closeable {

    private final long size;
    private final FileChannel input;

    private UploadSource(long size, FileChannel input) {
        this.size = size;
        this.input = input;
    }

    static UploadSource open(Path file) throws LocalFileException {
        if (!Files.exists(file)) {
            throw new LocalFileException("no such local file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new LocalFileException("not a regular file: " + file);
        }
        try {
            return new UploadSource(Files.size(file), FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new LocalFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    long size() {
        return size;
    }

    FileChannel input() {
        return input;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
