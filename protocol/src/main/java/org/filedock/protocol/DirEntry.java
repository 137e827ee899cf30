package org.filedock.protocol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One line of a {@code DIR} listing: {@code <type> <size> <mtime> <name>}. */
public record DirEntry(Type type, long size, Instant modified, String name) {

    public enum Type {
        FILE('f'), DIRECTORY('d');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }

        static Type of(char letter) throws ProtocolException {
            for (Type type : values()) {
                if (type.letter == letter) {
                    return type;
                }
            }
            throw new ProtocolException("unknown entry type: " + letter);
        }
    }

    public DirEntry {
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
        modified = modified.truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public String toLine() {
        return type.letter() + " " + size + " " + modified + " " + name;
    }

    public static DirEntry parse(String line) throws ProtocolException {
        String[] parts = line.split(" ", 4);
        if (parts.length != 4 || parts[0].length() != 1) {
            throw new ProtocolException("not a directory entry: " + line);
        }
        try {
            return new DirEntry(Type.of(parts[0].charAt(0)), Numbers.parseCount(parts[1]),
                    Instant.parse(parts[2]), parts[3]);
        } catch (RuntimeException e) {
            throw new ProtocolException("not a directory entry: " + line);
        }
    }
}
