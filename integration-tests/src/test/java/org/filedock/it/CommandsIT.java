package org.filedock.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command of the contract and its errors, over a real socket against the deployed EAR. */
class CommandsIT extends SessionInOwnDirectory {

    CommandsIT() {
        super("commands");
    }

    @Test
    void greetsWithTheContractsWelcome() throws IOException {
        try (WireClient other = WireClient.connect()) {
            assertTrue(other.greeting().startsWith("OK@Welcome to the server"), other.greeting());
            assertTrue(other.greeting().contains("protocol 1.2)"), other.greeting());
        }
    }

    @Test
    void pwdStartsAtTheRootAndFollowsChdir() throws IOException {
        try (WireClient other = WireClient.connect()) {
            assertEquals("OK@/", other.call("PWD"));
        }
        assertEquals("OK@" + home, client.call("PWD"));
        client.call("MKDIR sub");
        assertEquals("OK@Directory changed to " + home + "/sub", client.call("CHDIR sub/"));
        assertEquals("OK@Directory changed to " + home, client.call("chdir .."));
        assertEquals("OK@Directory changed to /", client.call("CHDIR /"));
        assertEquals("ERR@FORBIDDEN path leaves the root", client.call("CHDIR .."));
        assertEquals("OK@/", client.call("PWD"));
    }

    @Test
    void chdirErrors() throws IOException {
        client.upload("file.txt", bytes("x"));
        assertTrue(client.call("CHDIR missing").startsWith("ERR@NOT_FOUND "));
        assertTrue(client.call("CHDIR file.txt").startsWith("ERR@NOT_A_DIRECTORY "));
        assertEquals("OK@" + home, client.call("PWD"));
    }

    @Test
    void mkdirAndRmdir() throws IOException {
        assertEquals("OK@a created", client.call("MKDIR a"));
        assertTrue(client.call("MKDIR a").startsWith("ERR@EXISTS "));
        assertTrue(client.call("MKDIR x/y").startsWith("ERR@NOT_FOUND "), "no implicit parents");
        assertEquals("OK@a/b created", client.call("MKDIR a/b"));
        assertTrue(client.call("RMDIR a").startsWith("ERR@NOT_EMPTY "));
        assertEquals("OK@a/b deleted", client.call("RMDIR a/b"));
        assertEquals("OK@a deleted", client.call("RMDIR a"));
        assertTrue(client.call("RMDIR a").startsWith("ERR@NOT_FOUND "));
        assertTrue(client.call("RMDIR /").startsWith("ERR@FORBIDDEN "));
        client.upload("f", bytes("x"));
        assertTrue(client.call("RMDIR f").startsWith("ERR@NOT_A_DIRECTORY "));
        assertTrue(client.call("MKDIR f/sub").startsWith("ERR@NOT_A_DIRECTORY "));
    }

    @Test
    void namesAreValidated() throws IOException {
        assertTrue(client.call("MKDIR .").startsWith("ERR@BAD_REQUEST invalid name"));
        assertTrue(client.call("MKDIR a/..").startsWith("ERR@BAD_REQUEST invalid name"));
        assertTrue(client.call("MKDIR " + "n".repeat(256)).startsWith("ERR@BAD_REQUEST invalid name"));
        assertEquals("OK@" + "n".repeat(255) + " created", client.call("MKDIR " + "n".repeat(255)));
        assertTrue(client.call("MKDIR \"\"").startsWith("ERR@BAD_REQUEST invalid name"));
        assertTrue(client.call("MKDIR a\tb").startsWith("ERR@BAD_REQUEST invalid name"));
        assertTrue(client.call("MKDIR /").startsWith("ERR@FORBIDDEN "));
        assertTrue(client.call("MKDIR ../../x").startsWith("ERR@FORBIDDEN "));
    }

    @Test
    void traversalNeverLeavesTheRoot() throws IOException {
        for (String path : List.of("../..", "/..", "/../etc", "a/../../../x", "./../..")) {
            assertTrue(client.call("DIR " + path).startsWith("ERR@FORBIDDEN "), path);
            assertTrue(client.call("DOWNLOAD " + path + "/passwd").startsWith("ERR@FORBIDDEN "), path);
        }
        // a backslash and percent signs are ordinary name characters
        assertEquals("OK@..\\x created", client.call("MKDIR \"..\\\\x\""));
        assertEquals("OK@%2e%2e created", client.call("MKDIR %2e%2e"));
        List<String> entries = client.dir(null);
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).endsWith(" %2e%2e"), entries.toString());
        assertTrue(entries.get(1).endsWith(" ..\\x"), entries.toString());
    }

    @Test
    void symbolicLinksOutOfTheRootAreNeverFollowed() throws IOException {
        Path outside = Files.createTempDirectory(ItConfig.workDirectory(), "outside");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(ItConfig.storageRoot().resolve(home.substring(1)).resolve("escape"), outside);

        assertEquals(List.of(), client.dir(null), "a link out of the root is not listed");
        assertTrue(client.call("DIR escape").startsWith("ERR@FORBIDDEN "));
        assertTrue(client.call("DOWNLOAD escape/secret.txt").startsWith("ERR@FORBIDDEN "));
        assertTrue(client.call("UPLOAD escape/new.txt 1").startsWith("ERR@FORBIDDEN "));
        assertTrue(client.call("DELETE escape/secret.txt").startsWith("ERR@FORBIDDEN "));
        assertTrue(client.call("MKDIR escape/d").startsWith("ERR@FORBIDDEN "));
        assertTrue(client.call("CHDIR escape").startsWith("ERR@FORBIDDEN "));
        client.call("MKDIR inside");
        assertTrue(client.call("MOVE inside escape").startsWith("ERR@FORBIDDEN "));
        assertEquals(List.of("secret.txt"), Files.list(outside).map(p -> p.getFileName().toString()).toList());
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
    }

    @Test
    void dirListsEntriesSortedByBytes() throws IOException {
        assertEquals("OK@0", client.call("DIR"));
        client.call("MKDIR beta");
        client.upload("Alpha.txt", bytes("12345"));
        client.upload("\"with space.txt\"", bytes("ab"));
        List<String> entries = client.dir(null);
        assertEquals(3, entries.size());
        assertTrue(entries.get(0).matches("f 5 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ Alpha\\.txt"), entries.get(0));
        assertTrue(entries.get(1).matches("d 0 \\S+Z beta"), entries.get(1));
        assertTrue(entries.get(2).matches("f 2 \\S+Z with space\\.txt"), entries.get(2));
        assertEquals(entries, client.dir(home));
        assertTrue(client.call("DIR missing").startsWith("ERR@NOT_FOUND "));
        assertTrue(client.call("DIR Alpha.txt").startsWith("ERR@NOT_A_DIRECTORY "));
    }

    @Test
    void uploadDownloadDelete() throws IOException {
        byte[] content = bytes("hello, FileDock\n");
        client.upload("hello.txt", content);
        assertArrayEquals(content, client.download("hello.txt"));
        byte[] replaced = bytes("replaced");
        client.upload("hello.txt", replaced);
        assertArrayEquals(replaced, client.download(home + "/hello.txt"));
        assertEquals("OK@File deleted", client.call("DELETE hello.txt"));
        assertTrue(client.call("DELETE hello.txt").startsWith("ERR@NOT_FOUND "));
        assertTrue(client.call("DOWNLOAD hello.txt").startsWith("ERR@NOT_FOUND "));
    }

    @Test
    void emptyFileRoundTrip() throws IOException {
        assertEquals("OK@Ready", client.call("UPLOAD empty 0"));
        assertEquals("OK@File uploaded", client.line());
        assertEquals("OK@0", client.call("DOWNLOAD empty"));
        assertEquals("OK@Download complete", client.call("COMPLETE"));
    }

    @Test
    void transferTypeErrors() throws IOException {
        client.call("MKDIR d");
        assertTrue(client.call("DOWNLOAD d").startsWith("ERR@IS_A_DIRECTORY "));
        assertTrue(client.call("UPLOAD d 3").startsWith("ERR@IS_A_DIRECTORY "));
        assertTrue(client.call("DELETE d").startsWith("ERR@IS_A_DIRECTORY "));
        assertTrue(client.call("UPLOAD missing/f 3").startsWith("ERR@NOT_FOUND "));
        assertTrue(client.call("UPLOAD / 3").startsWith("ERR@FORBIDDEN "));
        assertTrue(client.call("UPLOAD huge 9223372036854775807").startsWith("ERR@NO_SPACE "));
        // nothing was created by the refused uploads
        assertEquals(List.of("d"), client.dir(null).stream().map(e -> e.substring(e.lastIndexOf(' ') + 1)).toList());
    }

    @Test
    void completeOnlyAfterADownload() throws IOException {
        assertTrue(client.call("COMPLETE").startsWith("ERR@BAD_REQUEST "));
        client.upload("f", bytes("abc"));
        assertEquals("OK@3", client.call("DOWNLOAD f"));
        assertArrayEquals(bytes("abc"), client.readBytes(3));
        assertEquals("OK@Download complete", client.call("COMPLETE"));
        assertTrue(client.call("COMPLETE").startsWith("ERR@BAD_REQUEST "));
    }

    @Test
    void moveFilesAndDirectories() throws IOException {
        client.call("MKDIR src");
        client.call("MKDIR dst");
        client.upload("src/f.txt", bytes("moved"));
        assertEquals("OK@src/f.txt moved to dst", client.call("MOVE src/f.txt dst"));
        assertArrayEquals(bytes("moved"), client.download("dst/f.txt"));
        assertEquals("OK@src moved to dst", client.call("MOVE src dst"));
        assertEquals(List.of("f.txt", "src"), names(client.dir("dst")));
        assertTrue(client.call("MOVE dst dst/src").startsWith("ERR@BAD_REQUEST "));
        assertTrue(client.call("MOVE missing dst").startsWith("ERR@NOT_FOUND "));
        assertTrue(client.call("MOVE dst/f.txt nowhere").startsWith("ERR@NOT_FOUND "));
        String intoFile = client.call("MOVE dst dst/f.txt");
        assertTrue(intoFile.startsWith("ERR@NOT_A_DIRECTORY ") || intoFile.startsWith("ERR@BAD_REQUEST "), intoFile);
        client.upload("f.txt", bytes("other"));
        assertTrue(client.call("MOVE f.txt dst").startsWith("ERR@EXISTS "));
        assertTrue(client.call("MOVE / dst").startsWith("ERR@FORBIDDEN "));
    }

    @Test
    void malformedRequests() throws IOException {
        assertEquals("ERR@UNKNOWN_COMMAND Unknown command", client.call("FROB x"));
        assertTrue(client.call("").startsWith("ERR@BAD_REQUEST"));
        assertTrue(client.call("MKDIR").startsWith("ERR@BAD_REQUEST usage: MKDIR"));
        assertTrue(client.call("MKDIR a b").startsWith("ERR@BAD_REQUEST usage: MKDIR"));
        assertTrue(client.call("UPLOAD f -1").startsWith("ERR@BAD_REQUEST usage: UPLOAD"));
        assertTrue(client.call("UPLOAD f 1e3").startsWith("ERR@BAD_REQUEST usage: UPLOAD"));
        assertTrue(client.call("UPLOAD f 9223372036854775808").startsWith("ERR@BAD_REQUEST usage: UPLOAD"));
        assertTrue(client.call("MKDIR \"unterminated").startsWith("ERR@BAD_REQUEST"));
        client.sendRaw(new byte[] {'M', 'K', 'D', 'I', 'R', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertTrue(client.line().startsWith("ERR@BAD_REQUEST"));
        assertEquals("OK@" + home, client.call("PWD"), "the session survives bad lines");
        assertEquals("OK@crlf created", client.call("MKDIR crlf\r"));
    }

    @Test
    void overlongLineDisconnects() throws IOException {
        client.send("MKDIR " + "x".repeat(9000));
        assertEquals("ERR@BAD_REQUEST line too long", client.line());
        assertTrue(client.line().startsWith("DISCONNECTED@"));
        assertNull(client.line());
    }

    @Test
    void disconnectSaysGoodbyeAndCloses() throws IOException {
        assertEquals("DISCONNECTED@Goodbye", client.call("DISCONNECT"));
        assertNull(client.line());
    }

    @Test
    void aStorageFailureIsInternalAndTheSessionGoesOn() throws Exception {
        client.upload("pinned.txt", bytes("x"));
        Path directory = ItConfig.storageRoot().resolve(home.substring(1));
        // an immutable directory refuses changes even to root, which the tests may run as
        Assumptions.assumeTrue(chattr("+i", directory), "needs chattr to make the storage fail");
        try {
            assertTrue(client.call("DELETE pinned.txt").startsWith("ERR@INTERNAL "));
            assertTrue(client.call("MKDIR sub").startsWith("ERR@INTERNAL "));
            assertEquals("OK@" + home, client.call("PWD"));
        } finally {
            chattr("-i", directory);
        }
        assertEquals("OK@File deleted", client.call("DELETE pinned.txt"));
    }

    private static boolean chattr(String flag, Path path) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("chattr", flag, path.toString()).inheritIO().start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> names(List<String> entries) {
        return entries.stream().map(e -> e.split(" ", 4)[3]).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
