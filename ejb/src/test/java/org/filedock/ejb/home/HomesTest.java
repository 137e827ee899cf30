package org.filedock.ejb.home;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.OptionalLong;
import java.util.Properties;

import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.ejb.lock.FileLock;
import org.filedock.ejb.lock.LocalLockManager;
import org.filedock.ejb.path.StoragePath;
import org.filedock.ejb.storage.LocalDiskStorage;
import org.filedock.ejb.storage.Upload;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user-to-home mapping and the storage confined to a home, on a real directory. */
class HomesTest {

    @TempDir
    Path root;

    private LocalDiskStorage storage;

    @BeforeEach
    void storage() {
        storage = new LocalDiskStorage(root, OptionalLong.empty());
    }

    @Test
    void withoutAccountsEverybodySharesTheRoot() throws Exception {
        Homes homes = homes("none");
        FileArea area = homes.areaOf(() -> {
            throw new AssertionError("the caller does not matter");
        });
        assertSame(storage, area.storage());
        assertEquals(StoragePath.of("a", "b"), area.lockPath(StoragePath.of("a", "b")));
    }

    @Test
    void aLoginOpensTheHomeUnderTheRootWhereTheUsersFilesLand() throws Exception {
        Homes homes = homes("required");
        homes.open("alice");
        assertTrue(Files.isDirectory(root.resolve("alice")));
        FileArea area = homes.areaOf(principal("alice"));
        area.storage().createDirectory(StoragePath.of("docs"));
        try (Upload upload = area.storage().beginUpload(StoragePath.of("docs", "a.txt"), 2)) {
            upload.channel().write(java.nio.ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)));
            upload.commit();
        }
        assertEquals("hi", Files.readString(root.resolve("alice/docs/a.txt")));
        assertEquals(StoragePath.of("alice", "docs", "a.txt"), area.lockPath(StoragePath.of("docs", "a.txt")),
                "locks are keyed on the real storage path");
        CommandException missing = assertThrows(CommandException.class,
                () -> area.storage().openDownload(StoragePath.of("nope.txt")));
        assertEquals("/nope.txt not found", missing.getMessage(), "messages in the user's terms");
    }

    @Test
    void aBusyFileIsNamedAsTheUserSeesIt() throws Exception {
        Homes homes = homes("required");
        FileArea alice = homes.open("alice");
        FileArea bob = homes.open("bob");
        LocalLockManager locks = new LocalLockManager();
        StoragePath file = StoragePath.of("docs", "a.txt");
        try (FileLock upload = alice.lock(locks::lockForUpload, file);
             FileLock bobs = bob.lock(locks::lockForUpload, file)) {
            CommandException busy = assertThrows(CommandException.class, () -> alice.lock(locks::lockForDownload, file));
            assertEquals("/docs/a.txt is being uploaded", busy.getMessage());
            busy = assertThrows(CommandException.class, () -> alice.lock(locks::lockForChange, StoragePath.of("docs")));
            assertEquals("/docs holds a file in transfer", busy.getMessage());
        }
    }

    @Test
    void aCallerWhoDidNotLogInHasNoArea() {
        Homes homes = homes("required");
        CommandException e = assertThrows(CommandException.class, () -> homes.areaOf(principal("anonymous")));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertTrue(!Files.exists(root.resolve("anonymous")), "no home was made");
    }

    @Test
    void aLinkInAHomeLeadsNowhereElse() throws Exception {
        Homes homes = homes("required");
        homes.open("alice");
        FileArea bob = homes.open("bob");
        Files.writeString(root.resolve("alice/secret.txt"), "alice's");
        Files.createSymbolicLink(root.resolve("bob/to-alice"), root.resolve("alice"));
        Files.createSymbolicLink(root.resolve("bob/secret.txt"), root.resolve("alice/secret.txt"));
        for (StoragePath path : new StoragePath[] {StoragePath.of("to-alice", "secret.txt"), StoragePath.of("secret.txt")}) {
            CommandException e = assertThrows(CommandException.class, () -> bob.storage().openDownload(path));
            assertEquals(ErrorCode.FORBIDDEN, e.code(), path.toString());
        }
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CommandException.class,
                () -> bob.storage().list(StoragePath.of("to-alice"))).code());
    }

    @Test
    void aHomeThatIsALinkOrAFileIsRefused() throws Exception {
        Homes homes = homes("required");
        homes.open("alice");
        Files.createSymbolicLink(root.resolve("mallory"), root.resolve("alice"));
        Files.writeString(root.resolve("carol"), "a file");
        assertEquals(ErrorCode.INTERNAL, assertThrows(CommandException.class, () -> homes.open("mallory")).code());
        assertEquals(ErrorCode.INTERNAL, assertThrows(CommandException.class, () -> homes.open("carol")).code());
        assertThrows(IllegalArgumentException.class, () -> homes.open("../alice"));
    }

    private Homes homes(String auth) {
        Properties p = new Properties();
        p.setProperty(FileDockConfig.AUTH, auth);
        p.setProperty(FileDockConfig.ROOT, root.toString());
        Homes homes = new Homes();
        homes.config = FileDockConfig.from(p);
        homes.storage = storage;
        return homes;
    }

    private static java.util.function.Supplier<Principal> principal(String name) {
        return () -> () -> name;
    }
}
