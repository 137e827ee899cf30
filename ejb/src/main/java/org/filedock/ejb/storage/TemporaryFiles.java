package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.filedock.ejb.path.NameRules;

/**
 * The server's temporary upload files: {@code .filedock-upload-<random>.part}, or in a cluster
 * (where the storage root is shared) {@code .filedock-upload-<node>~<random>.part}, so that a
 * starting node sweeps only what an earlier run of itself left, never another node's uploads.
 */
final class TemporaryFiles {

    static final String UPLOAD_PREFIX = NameRules.RESERVED_PREFIX + "upload-";
    static final String UPLOAD_SUFFIX = ".part";

    private static final Logger LOG = Logger.getLogger(TemporaryFiles.class.getName());
    private static final int ATTEMPTS = 5;
    /** {@code <node>~} in a cluster ({@code filedock.cluster} set), else empty. */
    private static final String NODE_TAG = nodeTag();

    /** A temporary file and the channel it was created with. */
    record Created(Path file, FileChannel channel) {
    }

    private TemporaryFiles() {
    }

    private static String nodeTag() {
        String node = System.getProperty("jboss.node.name");
        if (System.getProperty("filedock.cluster") == null || node == null) {
            return "";
        }
        return tagOf(node);
    }

    private static String tagOf(String node) {
        return node.replaceAll("[^A-Za-z0-9_.-]", "_") + "~";
    }

    static boolean isUploadTemporary(String name) {
        return name.startsWith(UPLOAD_PREFIX) && name.endsWith(UPLOAD_SUFFIX);
    }

    /** Creates a new, empty temporary file in the directory; never opens an existing one. */
    static Created createUploadFile(Path directory) throws IOException {
        for (int attempt = 1; ; attempt++) {
            // the name need not be secret (CREATE_NEW never opens what exists, nor follows a link),
            // only unlikely to be taken; a shared SecureRandom would serialize concurrent uploads
            byte[] random = new byte[12];
            ThreadLocalRandom.current().nextBytes(random);
            Path file = directory.resolve(
                    UPLOAD_PREFIX + NODE_TAG + HexFormat.of().formatHex(random) + UPLOAD_SUFFIX);
            try {
                return new Created(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes every upload temporary file under the root. Symbolic links are not followed, so
     * the sweep stays inside the root; a file that can't be deleted is logged and skipped.
     *
     * @return how many files were deleted
     */
    static int sweep(Path root) {
        int deleted = sweep(root, (name, attributes) -> name.startsWith(UPLOAD_PREFIX + NODE_TAG));
        if (deleted > 0) {
            LOG.log(Level.INFO, "deleted {0} temporary upload file(s) left by an earlier run", deleted);
        }
        return deleted;
    }

    /**
     * Deletes the upload temporary files under the (shared) root that the named cluster nodes
     * made and last wrote before {@code modifiedBefore}: those of nodes that left the cluster. A
     * node that has come back since writes newer ones, which stay.
     *
     * @return how many files were deleted
     */
    static int sweepNodes(Path root, Set<String> nodes, Instant modifiedBefore) {
        Set<String> prefixes = nodes.stream().map(node -> UPLOAD_PREFIX + tagOf(node)).collect(Collectors.toSet());
        return sweep(root, (name, attributes) -> prefixes.stream().anyMatch(name::startsWith)
                && attributes.lastModifiedTime().toInstant().isBefore(modifiedBefore));
    }

    private static int sweep(Path root, BiPredicate<String, BasicFileAttributes> whose) {
        int[] deleted = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Path name = file.getFileName();
                    if (name != null && !attributes.isDirectory()
                            && isUploadTemporary(name.toString())
                            && whose.test(name.toString(), attributes)) {
                        try {
                            Files.deleteIfExists(file);
                            deleted[0]++;
                        } catch (IOException e) {
                            LOG.log(Level.WARNING, "cannot delete temporary file " + file, e);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LOG.log(Level.WARNING, "cannot look into " + file + " for temporary files", e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "sweep of temporary files under " + root + " stopped", e);
        }
        return deleted[0];
    }
}
