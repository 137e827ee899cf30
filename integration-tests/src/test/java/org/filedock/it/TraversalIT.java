package org.filedock.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.filedock.protocol.Quoting;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Path traversal attacks over the socket against the deployed server, tried systematically:
 * {@code ..} in every position, absolute paths, backslashes, percent and overlong UTF-8
 * encodings, NUL and look-alike characters, and symbolic links inside the root that lead out
 * of it. Nothing outside the root is read or changed: every attempt that names something
 * outside gets an error (never a payload), files that attacks try to create carry a marker
 * that is looked for where a successful attack would have put it, and the directories the
 * links lead to are compared before and after.
 */
@ExtendWith(ArquillianExtension.class)
class TraversalIT {

    private static final Pattern ERROR = Pattern.compile(
            "ERR@(BAD_REQUEST|NOT_FOUND|EXISTS|NOT_EMPTY|NOT_A_DIRECTORY|IS_A_DIRECTORY|BUSY|FORBIDDEN|NO_SPACE|INTERNAL) .+");
    private static final List<String> COMMANDS_ON_A_PATH = List.of(
            "DIR %s", "DOWNLOAD %s", "UPLOAD %s 1", "DELETE %s", "MKDIR %s", "RMDIR %s", "CHDIR %s",
            "MOVE %s sub", "MOVE inside.txt %s");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    private final String marker = "pwned-" + UUID.randomUUID();
    private WireClient client;
    private String home;
    private Path homeOnDisk;
    private Path outside;
    private Path sibling;

    @BeforeEach
    void prepare() throws IOException {
        client = WireClient.connect();
        home = client.enterOwnDirectory("traversal");
        client.upload("inside.txt", "inside".getBytes(StandardCharsets.UTF_8));
        client.call("MKDIR sub");
        homeOnDisk = StorageFiles.onDisk(home);

        outside = Files.createTempDirectory(ItConfig.workDirectory(), "outside");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(outside.resolve("deep"));
        Files.writeString(outside.resolve("deep/secret2.txt"), "secret2");
        // a directory whose name starts like the root's: a textual prefix check would let it in
        Path root = ItConfig.storageRoot();
        sibling = Files.createDirectories(root.resolveSibling(root.getFileName() + "-sibling"));
        Files.writeString(sibling.resolve("sibling.txt"), "sibling");
    }

    @AfterEach
    void disconnect() throws IOException {
        client.close();
    }

    @Test
    void dotDotInEveryPositionIsForbidden() throws IOException {
        Map<String, String> before = snapshot();
        List<String> leaving = pathsLeavingTheRoot();
        assertTrue(leaving.size() > 300, "generated " + leaving.size());
        for (String path : leaving) {
            for (String command : COMMANDS_ON_A_PATH) {
                String line = String.format(command, path);
                String reply = client.call(line);
                assertTrue(reply.startsWith("ERR@FORBIDDEN "), line + " -> " + reply);
            }
        }
        assertNothingOutsideChanged(before);
    }

    @Test
    void absolutePathsAreRootedInTheStorage() throws IOException {
        Map<String, String> before = snapshot();
        List<String> hostPaths = List.of("/etc/passwd", "//etc/passwd", "/./etc/passwd", "/etc/../etc/passwd",
                "/proc/self/environ", "/dev/zero", outside.resolve("secret.txt").toString(),
                ItConfig.storageRoot().toString() + home + "/inside.txt", sibling.resolve("sibling.txt").toString());
        for (String path : hostPaths) {
            assertError("DOWNLOAD " + path, "ERR@NOT_FOUND ");
            assertError("DIR " + path, "ERR@NOT_FOUND ");
            assertError("DELETE " + path, "ERR@NOT_FOUND ");
            assertError("UPLOAD " + path + "-" + marker + " 1", "ERR@NOT_FOUND ");
            assertError("MKDIR " + Path.of(path).resolveSibling(marker), "ERR@NOT_FOUND ");
        }
        assertNothingOutsideChanged(before);
    }

    @Test
    void encodingsAndLookAlikesAreOrdinaryNames() throws IOException {
        Map<String, String> before = snapshot();
        List<String> names = List.of("..\\..\\etc\\passwd", "\\..\\..", "..\\", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc",
                "..%2f..%2fetc%2fpasswd", "%252e%252e%252f", "%c0%ae%c0%ae%c0%af", "..%00", "%00",
                "\u2025", "\uFF0E\uFF0E", "\u2024\u2024", ".\u200B.", "..\u2215..", "\uFF0E\uFF0E\uFF0F\uFF0E\uFF0E",
                "... ", "...", ". .", "..;", "..?");
        for (String name : names) {
            String quoted = Quoting.quote(name);
            assertError("DOWNLOAD " + quoted, "ERR@NOT_FOUND ");
            assertError("DIR " + Quoting.quote(name + "/x"), "ERR@NOT_FOUND ");
            String created = name + marker;
            assertEquals("OK@" + created + " created", client.call("MKDIR " + Quoting.quote(created)), name);
            assertTrue(Files.isDirectory(homeOnDisk.resolve(created)), "a literal entry in the home: " + name);
        }
        assertNothingOutsideChanged(before);
    }

    @Test
    void invalidUtf8AndControlCharactersAreRefused() throws IOException {
        Map<String, String> before = snapshot();
        byte[][] overlong = {
            {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE},               // ".." in two bytes each
            {(byte) 0xC0, (byte) 0xAF},                                           // "/" in two bytes
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAE, (byte) 0xE0, (byte) 0x80, (byte) 0xAE}, // ".." in three
            {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAE},               // "." in four
            {(byte) 0xC1, (byte) 0x9C},                                           // "\" in two
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},                              // a surrogate
            {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80},            // stray, invalid, overlong NUL
        };
        for (byte[] bytes : overlong) {
            for (String command : List.of("MKDIR ", "DOWNLOAD ", "UPLOAD ", "CHDIR ")) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                line.writeBytes(command.getBytes(StandardCharsets.US_ASCII));
                line.writeBytes("../".getBytes(StandardCharsets.US_ASCII));
                line.writeBytes(bytes);
                line.writeBytes(("/" + marker + (command.equals("UPLOAD ") ? " 1" : "") + "\n").getBytes(StandardCharsets.US_ASCII));
                client.sendRaw(line.toByteArray());
                assertEquals("ERR@BAD_REQUEST invalid UTF-8", client.line());
            }
        }
        for (String control : List.of("\u0000", "\u0001", "\t", "\u001b", "\u007f", "\r")) {
            for (String command : List.of("MKDIR %s", "DOWNLOAD %s", "UPLOAD %s 1", "DIR %s", "CHDIR %s")) {
                String path = Quoting.quote("a" + control + "/../../" + marker);
                assertError(String.format(command, path), "ERR@BAD_REQUEST invalid name");
                assertError(String.format(command, Quoting.quote(".." + control + "x")), "ERR@BAD_REQUEST invalid name");
            }
        }
        assertEquals("OK@" + home, client.call("PWD"), "the session goes on");
        assertNothingOutsideChanged(before);
    }

    @Test
    void symbolicLinksOutOfTheRootLeadNowhere() throws IOException {
        Files.createSymbolicLink(homeOnDisk.resolve("escape"), outside);
        Files.createSymbolicLink(homeOnDisk.resolve("escape-file"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(homeOnDisk.resolve("escape-relative"), homeOnDisk.relativize(outside));
        Files.createSymbolicLink(homeOnDisk.resolve("up"), Path.of("../.."));
        Files.createSymbolicLink(homeOnDisk.resolve("sibling"), sibling);
        Files.createSymbolicLink(homeOnDisk.resolve("host-root"), Path.of("/"));
        Files.createSymbolicLink(homeOnDisk.resolve("dangling"), outside.resolve("missing.txt"));
        Files.createSymbolicLink(homeOnDisk.resolve("chain"), Path.of("escape"));
        Files.createSymbolicLink(homeOnDisk.resolve("sub/deeper"), Path.of("../../.."));
        Files.createSymbolicLink(homeOnDisk.resolve("inner"), Path.of("inside.txt"));
        Map<String, String> before = snapshot();

        List<String> listed = names(client.dir(null));
        for (String link : List.of("escape", "escape-file", "escape-relative", "up", "sibling", "host-root", "dangling", "chain")) {
            assertFalse(listed.contains(link), link + " is not listed: " + listed);
        }
        assertTrue(names(client.dir("sub")).isEmpty(), "sub/deeper is not listed");
        assertEquals("OK@6", client.call("DOWNLOAD inner"), "a link that stays inside the root works");
        client.readBytes(6);
        assertEquals("OK@Download complete", client.call("COMPLETE"));

        List<String> links = List.of("escape", "escape-file", "escape-relative", "up", "sibling", "host-root",
                "dangling", "chain", "sub/deeper");
        List<String> attempts = new ArrayList<>();
        for (String link : links) {
            for (String path : List.of(link, link + "/secret.txt", link + "/deep", link + "/deep/secret2.txt",
                    link + "/etc/passwd", link + "/" + marker)) {
                for (String command : COMMANDS_ON_A_PATH) {
                    attempts.add(String.format(command, path));
                }
            }
            attempts.add("UPLOAD " + link + " 1");
            attempts.add("MOVE sub " + link);
        }
        for (String attempt : attempts) {
            String reply = client.call(attempt);
            // EXISTS: MKDIR of the link's own name, which is taken
            assertTrue(reply.startsWith("ERR@FORBIDDEN ") || reply.startsWith("ERR@NOT_FOUND ")
                    || reply.startsWith("ERR@EXISTS "), attempt + " -> " + reply);
            if (reply.startsWith("ERR@EXISTS ")) {
                assertTrue(links.stream().anyMatch(link -> attempt.equals("MKDIR " + link)), attempt + " -> " + reply);
            }
        }
        assertEquals("OK@" + home, client.call("PWD"), "the session goes on");
        assertNothingOutsideChanged(before);
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
    }

    /** {@code ..}, {@code .}, names and empty segments in every order up to four, that climb above the root. */
    private static List<String> pathsLeavingTheRoot() {
        List<String> tokens = List.of("..", ".", "sub", "x", "");
        List<String> leaving = new ArrayList<>();
        List<List<String>> sequences = new ArrayList<>(List.of(List.of()));
        for (int length = 1; length <= 4; length++) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> sequence : sequences) {
                for (String token : tokens) {
                    List<String> next = new ArrayList<>(sequence);
                    next.add(token);
                    longer.add(next);
                }
            }
            sequences = longer;
            for (List<String> sequence : sequences) {
                for (boolean absolute : new boolean[] {false, true}) {
                    if (leavesTheRoot(sequence, absolute ? 0 : 1)) {
                        leaving.add((absolute ? "/" : "") + String.join("/", sequence));
                    }
                }
            }
        }
        return leaving;
    }

    /** The model: resolution on the text, from a directory {@code depth} levels below the root. */
    private static boolean leavesTheRoot(List<String> segments, int depth) {
        for (String segment : segments) {
            if (segment.equals("..")) {
                if (depth == 0) {
                    return true;
                }
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private void assertError(String line, String expectedStart) throws IOException {
        String reply = client.call(line);
        assertTrue(ERROR.matcher(reply).matches(), line + " -> " + reply);
        assertTrue(reply.startsWith(expectedStart), line + " -> " + reply);
    }

    /** Every file under the places an escape could reach, with its content; and whether the marker exists anywhere there. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path tree : List.of(outside, sibling)) {
            try (Stream<Path> walk = Files.walk(tree)) {
                for (Path p : walk.toList()) {
                    files.put(p.toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
                }
            }
        }
        Path root = ItConfig.storageRoot();
        for (Path directory : Set.of(root.getParent(), Path.of("/"), Path.of("/etc"), Path.of("/tmp"), outside, sibling)) {
            try (Stream<Path> entries = Files.list(directory)) {
                files.put(directory + " has the marker",
                        String.valueOf(entries.anyMatch(p -> p.getFileName().toString().contains(marker))));
            }
        }
        return files;
    }

    private void assertNothingOutsideChanged(Map<String, String> before) throws IOException {
        Map<String, String> after = snapshot();
        assertEquals(before, after);
        assertFalse(after.containsValue("true"), "no marker file outside the root");
    }

    private static List<String> names(List<String> entries) {
        return entries.stream().map(e -> e.split(" ", 4)[3]).toList();
    }
}
