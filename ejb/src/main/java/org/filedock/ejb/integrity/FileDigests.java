package org.filedock.ejb.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SHA-256 of stored files ({@code HASH}, contract §11), computed once for a large file and
 * remembered until the file changes. The digest is kept in the file's extended attribute
 * {@code user.filedock.sha256} as {@code <size> <mtime> <hex>}: it travels with the file (a
 * MOVE keeps it, a replacing upload is a new file without it) and a size or mtime that no longer
 * match make it void. Where the file system refuses extended attributes (tmpfs before Linux 6.6,
 * some network file systems), digests are remembered in memory instead, for the
 * {@value #MEMORY_ENTRIES} most recent files, until the server stops.
 */
@ApplicationScoped
public class FileDigests {

    /** Below this size, reading the file again costs less than a millisecond: nothing is remembered. */
    public static final long REMEMBER_FROM = 1L << 20;
    static final String ATTRIBUTE = "filedock.sha256"; // "user." is the view's own namespace
    static final int MEMORY_ENTRIES = 10_000;

    private static final Logger LOG = Logger.getLogger(FileDigests.class.getName());

    private final Map<String, String> memory = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MEMORY_ENTRIES;
                }
            });

    /** The digest of a regular file (no symbolic link: the caller gives its real path). */
    public String digest(Path file, ByteBuffer buffer) throws IOException {
        BasicFileAttributes before = attributes(file);
        boolean large = before.size() >= REMEMBER_FROM;
        if (large) {
            Optional<String> known = recall(file, before);
            if (known.isPresent()) {
                return known.get();
            }
        }
        String hex;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = Sha256.newDigest();
            Sha256.update(digest, channel, channel.size(), buffer);
            hex = Sha256.hex(digest.digest());
        }
        BasicFileAttributes after = attributes(file);
        if (large && stamp(before).equals(stamp(after)) && before.fileKey() != null
                && before.fileKey().equals(after.fileKey())) {
            remember(file, after, hex); // unchanged while it was read
        }
        return hex;
    }

    /**
     * Records a digest the server knows without reading the file (an upload checked against the
     * client's {@code sha256=}), for a file of at least {@link #REMEMBER_FROM} bytes.
     */
    public void remember(Path file, String hex) {
        try {
            BasicFileAttributes attributes = attributes(file);
            if (attributes.size() >= REMEMBER_FROM) {
                remember(file, attributes, hex);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot remember the digest of " + file, e);
        }
    }

    Optional<String> recall(Path file, BasicFileAttributes now) {
        String prefix = stamp(now);
        String stored = readAttribute(file).orElseGet(() -> memory.get(memoryKey(file, now)));
        if (stored != null && stored.startsWith(prefix) && stored.length() == prefix.length() + Sha256.HEX_LENGTH) {
            return Optional.of(stored.substring(prefix.length()));
        }
        return Optional.empty();
    }

    private void remember(Path file, BasicFileAttributes attributes, String hex) {
        String value = stamp(attributes) + hex;
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file,
                UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        try {
            if (view != null) {
                view.write(ATTRIBUTE, StandardCharsets.US_ASCII.encode(value));
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "no extended attributes on " + file + "; the digest is kept in memory", e);
        }
        memory.put(memoryKey(file, attributes), value);
    }

    private static Optional<String> readAttribute(Path file) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file,
                UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer value = ByteBuffer.allocate(128);
            view.read(ATTRIBUTE, value); // an absent attribute fails (ENODATA)
            value.flip();
            return Optional.of(StandardCharsets.US_ASCII.decode(value).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** What a remembered digest is valid for: this size and this modification time, to the nanosecond. */
    private static String stamp(BasicFileAttributes attributes) {
        return attributes.size() + " " + attributes.lastModifiedTime() + " ";
    }

    private static String memoryKey(Path file, BasicFileAttributes attributes) {
        return file + "\u0000" + attributes.fileKey();
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
