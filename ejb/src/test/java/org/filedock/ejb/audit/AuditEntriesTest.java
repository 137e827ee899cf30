package org.filedock.ejb.audit;

import java.time.Instant;
import java.util.Optional;

import org.filedock.api.SessionState;
import org.filedock.api.audit.AuditAction;
import org.filedock.api.audit.AuditEntry;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditEntriesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00.123456Z");

    /** A session in {@code /docs}, logged in as {@code name} (null: nobody). */
    private record Session(String name) implements SessionState {
        public String id() {
            return "s";
        }

        public String clientAddress() {
            return "10.0.0.7:4711";
        }

        public String currentDirectory() {
            return "/docs";
        }

        public void changeDirectory(String absolutePath) {
            throw new UnsupportedOperationException();
        }

        public boolean awaitingDownloadAck() {
            return false;
        }

        public void awaitDownloadAck(boolean awaiting) {
        }

        public Optional<String> user() {
            return Optional.ofNullable(name);
        }

        public void logIn(String name) {
            throw new UnsupportedOperationException();
        }

        public Object attachment() {
            return null;
        }

        public void attach(Object attachment) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aPathIsRecordedAsTheUserSeesItResolvedAgainstTheCurrentDirectory() {
        assertEquals(new AuditEntry(NOW, "bob", "10.0.0.7:4711", AuditAction.DELETE, "/docs/a.txt", null, "OK"),
                entry("DELETE ./sub/../a.txt", new Session("bob"), Reply.ok("Deleted")));
        assertEquals(new AuditEntry(NOW, null, "10.0.0.7:4711", AuditAction.UPLOAD, "/up/b.bin", null, "BUSY"),
                entry("UPLOAD /up/b.bin 10", new Session(null), Reply.error(ErrorCode.BUSY, "locked")));
    }

    @Test
    void aMoveRecordsItsSourceAndTargetDirectory() {
        assertEquals(new AuditEntry(NOW, null, "10.0.0.7:4711", AuditAction.MOVE, "/docs/a, b.txt", "/archive",
                        "OK"),
                entry("MOVE \"a, b.txt\" ../archive", new Session(null), Reply.ok("moved")));
    }

    @Test
    void anUnresolvablePathIsRecordedAsGivenWithItsError() {
        AuditEntry e = entry("MKDIR ../../etc", new Session(null), Reply.error(ErrorCode.FORBIDDEN, "path leaves the root"));
        assertEquals("../../etc", e.path());
        assertEquals("FORBIDDEN", e.outcome());
    }

    @Test
    void aLoginRecordsTheNameTriedAndNeverThePassword() {
        AuditEntry failed = entry("LOGIN mallory s3cret-Pw", new Session(null),
                Reply.error(ErrorCode.DENIED, "invalid user or password"));
        assertEquals(new AuditEntry(NOW, "mallory", "10.0.0.7:4711", AuditAction.LOGIN, null, null, "DENIED"), failed);
        assertFalse(failed.toString().contains("s3cret"));
        assertEquals("alice", entry("LOGIN alice pw", new Session("alice"), Reply.ok("Logged in as alice")).user());
        // a second LOGIN in a logged-in session is the session user's doing
        assertEquals("alice", entry("LOGIN bob pw", new Session("alice"),
                Reply.error(ErrorCode.BAD_REQUEST, "already logged in")).user());
        assertEquals(null, entry("LOGIN", new Session(null), Reply.error(ErrorCode.BAD_REQUEST, "usage")).user());
    }

    @Test
    void aDisconnectionIsItsOwnOutcomeAndADownloadsMissingReplyIsOk() {
        assertEquals("DISCONNECTED", entry("LOGIN eve x", new Session(null),
                Reply.disconnected("too many failed logins")).outcome());
        assertEquals("OK", entry("DOWNLOAD a.txt", new Session(null), null).outcome());
    }

    @Test
    void onlyTheAuditedCommandsAreRecorded() {
        for (String line : new String[] {"DIR", "PWD", "CHDIR x", "COMPLETE", "DISCONNECT", "FROB x"}) {
            assertTrue(AuditEntries.of(parse(line), new Session(null), Reply.ok("x"), NOW).isEmpty(), line);
        }
        assertEquals(AuditAction.RMDIR, entry("rmdir x", new Session(null), Reply.ok("x")).action());
    }

    private static AuditEntry entry(String line, SessionState session, Reply reply) {
        return AuditEntries.of(parse(line), session, reply, NOW).orElseThrow();
    }

    private static Request parse(String line) {
        try {
            return Request.parse(line);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
