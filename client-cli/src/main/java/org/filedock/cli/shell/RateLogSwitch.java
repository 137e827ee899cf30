package org.filedock.cli.shell;

import java.nio.file.Path;
import java.util.Optional;

/** Whether each transfer writes a rate log, and where: set by {@code --rate-log} and the RATELOG command. */
public final class RateLogSwitch {

    private final Path defaultDirectory;
    private Path directory;

    /** @param defaultDirectory where {@code RATELOG on} without a directory writes */
    public RateLogSwitch(Path defaultDirectory) {
        this.defaultDirectory = defaultDirectory;
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    public Path defaultDirectory() {
        return defaultDirectory;
    }

    public void turnOn(Path newDirectory) {
        directory = newDirectory;
    }

    public void turnOff() {
        directory = null;
    }
}
