package org.filedock.ejb.quota;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.filedock.ejb.path.NameRules;

/**
 * Counts an account's bytes on the disk: the regular files of its area (the shared root, or the
 * user's home), links not followed and counted as nothing, the server's own hidden entries
 * (temporary files, the partials' directory) left out; plus the partial data it owns.
 */
public final class UsageWalk implements UsageLedger.Walker {

    private static final Logger LOG = Logger.getLogger(UsageWalk.class.getName());

    private final Path root;
    private final ToLongFunction<String> partialBytes;

    /**
     * @param root the storage's real root
     * @param partialBytes the bytes of the partials an account owns
     */
    public UsageWalk(Path root, ToLongFunction<String> partialBytes) {
        this.root = root;
        this.partialBytes = partialBytes;
    }

    @Override
    public long walk(String account) throws IOException {
        Path area = account.isEmpty() ? root : root.resolve(account);
        return filesUnder(area) + partialBytes.applyAsLong(account);
    }

    /** The bytes of the regular files under a directory; 0 if it is missing or not a real directory. */
    static long filesUnder(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(directory) && isReserved(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isReserved(file)) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!(e instanceof NoSuchFileException)) { // else gone meanwhile (a temporary file)
                    // one unreadable entry must not stop every upload of the account: it counts 0
                    LOG.log(Level.WARNING, "cannot count " + file + " in the usage of " + directory, e);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    private static boolean isReserved(Path entry) {
        return entry.getFileName().toString().startsWith(NameRules.RESERVED_PREFIX);
    }
}
