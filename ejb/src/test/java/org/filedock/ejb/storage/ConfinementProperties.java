package org.filedock.ejb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.filedock.api.CommandException;
import org.filedock.ejb.path.StoragePath;
import org.filedock.protocol.ErrorCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random operations on random paths of a real storage whose root holds symbolic links out of
 * it (to a directory, to a file, upwards, dangling): nothing outside the root is ever listed,
 * read or changed, and every refusal is one of the storage's declared errors.
 */
class ConfinementProperties {

    private static final Set<ErrorCode> DECLARED = Set.of(ErrorCode.BAD_REQUEST, ErrorCode.NOT_FOUND,
            ErrorCode.EXISTS, ErrorCode.NOT_EMPTY, ErrorCode.NOT_A_DIRECTORY, ErrorCode.IS_A_DIRECTORY,
            ErrorCode.FORBIDDEN);
    private static final String SECRET = "outside secret";

    enum Operation { STAT, LIST, CREATE_DIRECTORY, DELETE_DIRECTORY, DELETE_FILE, MOVE, UPLOAD, DOWNLOAD }

    private Path temp;
    private Path outside;
    private LocalDiskStorage storage;
    private Map<String, String> outsideBefore;

    @BeforeProperty
    void storageWithLinksOut() throws IOException {
        temp = Files.createTempDirectory("confinement");
        Path root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside/deep"));
        outside = outside.getParent();
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(outside.resolve("deep/secret.txt"), SECRET);
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/f"), "inside");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("a/outfile"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("a/up"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("a/b/in"), Path.of("../f"));
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("missing"));
        storage = new LocalDiskStorage(root, OptionalLong.empty());
        outsideBefore = snapshot(outside);
    }

    @AfterProperty
    void removeTree() throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 500)
    void nothingOutsideTheRootIsEverTouched(@ForAll Operation operation, @ForAll("paths") StoragePath path,
            @ForAll("paths") StoragePath other) throws IOException {
        try {
            switch (operation) {
                case STAT -> {
                    storage.stat(path);
                    assertInsideTheRoot(path);
                }
                case LIST -> {
                    storage.list(path);
                    assertInsideTheRoot(path);
                }
                case CREATE_DIRECTORY -> storage.createDirectory(path);
                case DELETE_DIRECTORY -> storage.deleteDirectory(path);
                case DELETE_FILE -> storage.deleteFile(path);
                case MOVE -> storage.move(path, other);
                case UPLOAD -> upload(path);
                case DOWNLOAD -> download(path);
            }
        } catch (CommandException e) {
            assertTrue(DECLARED.contains(e.code()), operation + " " + path + " " + other + ": " + e.code() + " "
                    + e.getMessage());
        }
        assertEquals(outsideBefore, snapshot(outside), operation + " " + path + " " + other);
    }

    private void upload(StoragePath path) throws CommandException, IOException {
        try (Upload upload = storage.beginUpload(path, 1)) {
            upload.channel().write(ByteBuffer.wrap(new byte[] {'x'}));
            upload.commit();
        }
    }

    private void download(StoragePath path) throws CommandException, IOException {
        try (Download download = storage.openDownload(path)) {
            assertInsideTheRoot(path);
            ByteBuffer content = ByteBuffer.allocate((int) download.size());
            download.channel().read(content, 0);
            assertFalse(new String(content.array(), StandardCharsets.UTF_8).contains(SECRET), "read from outside");
        }
    }

    /** What the path names on disk, every link followed, is the root or below it. */
    private void assertInsideTheRoot(StoragePath path) throws IOException {
        Path onDisk = storage.root();
        for (String name : path.segments()) {
            onDisk = onDisk.resolve(name);
        }
        Path real = onDisk.toRealPath();
        assertTrue(real.startsWith(storage.root()), path + " is really " + real);
    }

    @Provide
    Arbitrary<StoragePath> paths() {
        return Arbitraries.of("a", "b", "f", "in", "out", "outfile", "up", "dangling", "deep", "secret.txt", "new")
                .list().ofMaxSize(4).map(names -> StoragePath.of(names.toArray(String[]::new)));
    }

    private static Map<String, String> snapshot(Path tree) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.toList()) {
                files.put(tree.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return files;
    }
}
