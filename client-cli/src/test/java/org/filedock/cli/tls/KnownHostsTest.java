package org.filedock.cli.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {

    private static final Fingerprint A = Fingerprint.parse("a".repeat(64));
    private static final Fingerprint B = Fingerprint.parse("b".repeat(64));

    @TempDir
    Path home;

    @Test
    void addCreatesAnOwnerOnlyFileInAnOwnerOnlyDirectoryAndFindFindsTheLine() throws Exception {
        KnownHosts knownHosts = new KnownHosts(home.resolve(".filedock/known_hosts"));
        assertEquals(Optional.empty(), knownHosts.find("127.0.0.1:7022"));
        knownHosts.add("127.0.0.1:7022", A);
        knownHosts.add("files.example.org:7022", B);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts.file())));
        assertEquals("rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".filedock"))));
        assertEquals(List.of("127.0.0.1:7022 " + A, "files.example.org:7022 " + B), Files.readAllLines(knownHosts.file()));
        assertEquals(new KnownHosts.Entry(2, "files.example.org:7022 " + B, B),
                knownHosts.find("files.example.org:7022").orElseThrow());
        assertEquals(Optional.empty(), knownHosts.find("127.0.0.1:7021"));
    }

    @Test
    void skipsCommentsAndBlankLinesAndTheFirstLineOfAServerCounts() throws Exception {
        Path file = Files.writeString(home.resolve("known_hosts"),
                "# servers\n\n  h:1   SHA256:" + "A".repeat(64) + "  \nh:1 " + B + "\nbroken line for another host\n");
        KnownHosts.Entry entry = new KnownHosts(file).find("h:1").orElseThrow();
        assertEquals(3, entry.lineNumber());
        assertEquals(A, entry.fingerprint());
    }

    @Test
    void aBrokenLineOfTheServerItselfIsAnError() throws IOException {
        Path file = Files.writeString(home.resolve("known_hosts"), "h:1 SHA256:abc\nh:2\n");
        IOException bad = assertThrows(IOException.class, () -> new KnownHosts(file).find("h:1"));
        assertTrue(bad.getMessage().startsWith("line 1 of " + file + ": not a SHA-256 fingerprint"), bad.getMessage());
        IOException missing = assertThrows(IOException.class, () -> new KnownHosts(file).find("h:2"));
        assertTrue(missing.getMessage().startsWith("line 2 of " + file + " is broken"), missing.getMessage());
    }

    @Test
    void keysNameHostAndPortWithIpv6AddressesInBrackets() {
        assertEquals("localhost:7022", KnownHosts.key("localhost", 7022));
        assertEquals("[::1]:7022", KnownHosts.key("::1", 7022));
    }
}
