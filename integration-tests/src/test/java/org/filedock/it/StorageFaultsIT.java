package org.filedock.it;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real storage failures under a running server: a full file system (a small tmpfs mounted
 * inside the root), permission refused by the kernel (immutable files and directories, which
 * stop root too), a write error (the server process's file-size limit lowered, so that
 * writing fails with EFBIG), and a file cut short while it is read. The client gets NO_SPACE or INTERNAL, the log gets the details,
 * and the session and the server go on.
 */
class StorageFaultsIT extends SessionInOwnDirectory {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    StorageFaultsIT() {
        super("storage-faults");
    }

    @Test
    void aFullFileSystemIsNoSpaceBeforeReadyOrAfterThePayload() throws Exception {
        assertEquals("OK@small created", client.call("MKDIR small"));
        Path small = StorageFiles.onDisk(home + "/small");
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString()),
                "needs to mount a tmpfs (root in a sandbox that allows it)");
        ServerLog log = ServerLog.mark();
        try (WireClient other = WireClient.connect()) {
            other.call("CHDIR " + home);
            assertEquals("ERR@NO_SPACE not enough free space for " + 3 * MIB + " bytes",
                    client.call("UPLOAD small/too-big.bin " + 3 * MIB), "refused before OK@Ready");

            // both fit the free space when they start; the second runs out while writing
            byte[] first = bytes(3 * MIB / 2, 1);
            byte[] second = bytes(3 * MIB / 2, 2);
            assertEquals("OK@Ready", client.call("UPLOAD small/first.bin " + first.length));
            assertEquals("OK@Ready", other.call("UPLOAD small/second.bin " + second.length));
            client.sendRaw(first);
            assertEquals("OK@File uploaded", client.line());
            other.sendRaw(second);
            assertEquals("ERR@NO_SPACE no space left for " + home + "/small/second.bin", other.line());

            assertEquals("OK@" + home, other.call("PWD"), "the session goes on");
            assertEquals(List.of(), StorageFiles.temporaryFiles(home));
            assertEquals(1, client.dir("small").size());
            assertArrayEquals(first, client.download("small/first.bin"));
            assertEquals("OK@File deleted", other.call("DELETE small/first.bin"));
            other.upload("small/second.bin", second);
        } finally {
            assertTrue(run("umount", "-l", small.toString()));
        }
        assertTrue(log.since().contains("No space left on device"), "the details are in the server log");
    }

    @Test
    void permissionRefusedByTheFileSystemIsInternal() throws Exception {
        byte[] old = "old version".getBytes(StandardCharsets.UTF_8);
        assertEquals("OK@locked created", client.call("MKDIR locked"));
        client.upload("pinned.txt", old);
        Path lockedDirectory = StorageFiles.onDisk(home + "/locked");
        Path pinnedFile = StorageFiles.onDisk(home + "/pinned.txt");
        // immutable refuses changes even to root, which the tests may run as
        Assumptions.assumeTrue(run("chattr", "+i", lockedDirectory.toString()), "needs chattr");
        ServerLog log = ServerLog.mark();
        try {
            assertTrue(run("chattr", "+i", pinnedFile.toString()));
            assertEquals("ERR@INTERNAL cannot upload " + home + "/locked/new.txt", client.call("UPLOAD locked/new.txt 5"),
                    "no temporary file can be made: refused before OK@Ready");
            assertEquals("OK@Ready", client.call("UPLOAD pinned.txt 3"));
            client.sendRaw(new byte[] {1, 2, 3});
            assertEquals("ERR@INTERNAL cannot store " + home + "/pinned.txt", client.line(), "the rename is refused");
            assertTrue(client.call("MOVE pinned.txt locked").startsWith("ERR@INTERNAL "));
            assertTrue(client.call("DELETE pinned.txt").startsWith("ERR@INTERNAL "));
            assertArrayEquals(old, client.download("pinned.txt"), "reading works, the old version is intact");
            assertEquals(List.of(), StorageFiles.temporaryFiles(home));
            assertEquals("OK@" + home, client.call("PWD"));
        } finally {
            run("chattr", "-i", pinnedFile.toString());
            run("chattr", "-i", lockedDirectory.toString());
        }
        assertTrue(log.since().contains("Operation not permitted"), "the details are in the server log");
        client.upload("pinned.txt", new byte[] {4});
        assertEquals("OK@File deleted", client.call("DELETE pinned.txt"));
    }

    @Test
    void aWriteErrorDuringAnUploadIsInternalAndLeavesNothing() throws Exception {
        ServerProcess server = ServerProcess.arquillians();
        long logSize = Files.size(ItConfig.jbossHome().resolve("standalone/log/server.log"));
        long limit = logSize + 16L * MIB; // the log keeps room to grow
        int size = (int) (limit + 8L * MIB);
        byte[] old = "old version".getBytes(StandardCharsets.UTF_8);
        client.upload("big.bin", old);
        ServerLog log = ServerLog.mark();
        Assumptions.assumeTrue(run("prlimit", "--pid", Long.toString(server.pid()), "--fsize=" + limit + ":"),
                "needs prlimit on the server process");
        try {
            assertEquals("OK@Ready", client.call("UPLOAD big.bin " + size));
            Payloads.write(client.socketOutput(), size, 5);
            assertEquals("ERR@INTERNAL could not write " + home + "/big.bin", client.line());
        } finally {
            assertTrue(run("prlimit", "--pid", Long.toString(server.pid()), "--fsize=unlimited:"));
        }
        assertEquals("OK@" + home, client.call("PWD"), "the session goes on");
        assertEquals(List.of(), StorageFiles.temporaryFiles(home));
        assertArrayEquals(old, client.download("big.bin"));
        assertTrue(log.since().contains("File too large"), "the details are in the server log");
        assertEquals("OK@Ready", client.call("UPLOAD big.bin " + size), "the same upload works again");
        Payloads.write(client.socketOutput(), size, 5);
        assertEquals("OK@File uploaded", client.line());
        assertEquals("OK@File deleted", client.call("DELETE big.bin"));
    }

    @Test
    void aFileCutShortBehindTheServersBackEndsItsDownloadCleanly() throws Exception {
        long size = 64L * MIB;
        client.uploadGenerated("big.bin", size, 8);
        ServerLog log = ServerLog.mark();
        try (WireClient reader = WireClient.connect(ItConfig.filedockPort(), 64 * KIB)) {
            assertEquals("OK@" + size, reader.call("DOWNLOAD " + home + "/big.bin"));
            reader.readBytes(MIB);
            try (RandomAccessFile file = new RandomAccessFile(StorageFiles.onDisk(home + "/big.bin").toFile(), "rw")) {
                file.setLength(2L * MIB); // the server can no longer send what it announced
            }
            // it closes the connection: a line now would be read as file content
            assertThrows(EOFException.class, () -> reader.readPayloadTo(new Payloads.DigestSink(), size - MIB));
        }
        Await.until(() -> log.since().contains("file shrank during the download"), "the cause is logged");
        assertEquals("OK@File deleted", client.call("DELETE big.bin"), "the download's lock is released");
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
