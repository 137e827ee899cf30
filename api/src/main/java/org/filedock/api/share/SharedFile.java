package org.filedock.api.share;

import org.filedock.api.files.FileReading;

/** A shared file opened for its holder: the reading (locked, recorded as {@code share}) and its name. */
public record SharedFile(FileReading reading, String name) implements AutoCloseable {

    @Override
    public void close() {
        reading.close();
    }
}
