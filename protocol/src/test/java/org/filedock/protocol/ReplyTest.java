package org.filedock.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTest {

    @Test
    void okToLineAndParse() throws Exception {
        Reply reply = Reply.ok("File uploaded");
        assertEquals("OK@File uploaded", reply.toLine());
        Reply parsed = Reply.parse("OK@File uploaded");
        assertEquals(reply, parsed);
        assertEquals(Reply.Kind.OK, parsed.kind());
        assertEquals("File uploaded", parsed.text());
        assertNull(parsed.code());
        assertNull(parsed.errorCode());
        assertTrue(parsed.isOk());
        assertFalse(parsed.isError());
        assertFalse(parsed.isDisconnected());
    }

    @Test
    void okWithEmptyText() throws Exception {
        assertEquals("OK@", Reply.ok("").toLine());
        assertEquals(Reply.ok(""), Reply.parse("OK@"));
    }

    @Test
    void okWithNumber() throws Exception {
        Reply reply = Reply.parse("OK@1024");
        assertEquals("1024", reply.text());
        assertEquals(1024, Numbers.parseCount(reply.text()));
    }

    @Test
    void greeting() throws Exception {
        Reply reply = Reply.parse("OK@Welcome to the server (FileDock 1.0, protocol 1)");
        assertTrue(reply.isOk());
        assertTrue(reply.text().startsWith(Protocol.GREETING));
    }

    @Test
    void errorWithText() throws Exception {
        Reply reply = Reply.error(ErrorCode.NOT_FOUND, "no such file");
        assertEquals("ERR@NOT_FOUND no such file", reply.toLine());
        Reply parsed = Reply.parse("ERR@NOT_FOUND no such file");
        assertEquals(reply, parsed);
        assertEquals(Reply.Kind.ERR, parsed.kind());
        assertEquals("NOT_FOUND", parsed.code());
        assertEquals(ErrorCode.NOT_FOUND, parsed.errorCode());
        assertEquals("no such file", parsed.text());
        assertTrue(parsed.isError());
        assertFalse(parsed.isOk());
        assertFalse(parsed.isDisconnected());
    }

    @Test
    void errorWithoutText() throws Exception {
        Reply reply = Reply.error(ErrorCode.BAD_REQUEST, "");
        assertEquals("ERR@BAD_REQUEST", reply.toLine());
        Reply parsed = Reply.parse("ERR@BAD_REQUEST");
        assertEquals(reply, parsed);
        assertEquals(ErrorCode.BAD_REQUEST, parsed.errorCode());
        assertEquals("", parsed.text());
    }

    @Test
    void errorTextKeepsItsSpaces() throws Exception {
        Reply parsed = Reply.parse("ERR@BAD_REQUEST usage: UPLOAD <path> <size>");
        assertEquals("usage: UPLOAD <path> <size>", parsed.text());
        assertEquals(" two leading", Reply.parse("ERR@BUSY  two leading").text());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeRoundTrips(ErrorCode code) throws Exception {
        Reply reply = Reply.error(code, "some text");
        assertEquals("ERR@" + code.name() + " some text", reply.toLine());
        Reply parsed = Reply.parse(reply.toLine());
        assertEquals(reply, parsed);
        assertEquals(code, parsed.errorCode());
        assertEquals(code, Reply.parse("ERR@" + code.name()).errorCode());
    }

    @Test
    void disconnected() throws Exception {
        Reply reply = Reply.disconnected("Goodbye");
        assertEquals("DISCONNECTED@Goodbye", reply.toLine());
        Reply parsed = Reply.parse("DISCONNECTED@Goodbye");
        assertEquals(reply, parsed);
        assertTrue(parsed.isDisconnected());
        assertFalse(parsed.isOk());
        assertFalse(parsed.isError());
        assertNull(parsed.code());
        assertNull(parsed.errorCode());
        assertEquals(Reply.disconnected(""), Reply.parse("DISCONNECTED@"));
    }

    @Test
    void textContainingAt() throws Exception {
        assertEquals("user@host", Reply.parse("OK@user@host").text());
        assertEquals("@", Reply.parse("OK@@").text());
        assertEquals("a@b c@d", Reply.parse("DISCONNECTED@a@b c@d").text());
        Reply err = Reply.parse("ERR@NOT_FOUND x@y not found");
        assertEquals(ErrorCode.NOT_FOUND, err.errorCode());
        assertEquals("x@y not found", err.text());
        for (Reply reply : new Reply[] {Reply.ok("a@b"), Reply.error(ErrorCode.DENIED, "@x@"),
                Reply.disconnected("@")}) {
            assertEquals(reply, Reply.parse(reply.toLine()));
        }
    }

    @Test
    void unknownErrorCodeIsKeptAsAString() throws Exception {
        Reply parsed = Reply.parse("ERR@QUOTA_EXCEEDED over quota");
        assertTrue(parsed.isError());
        assertEquals("QUOTA_EXCEEDED", parsed.code());
        assertNull(parsed.errorCode());
        assertEquals("over quota", parsed.text());
        assertEquals("ERR@QUOTA_EXCEEDED over quota", parsed.toLine());

        Reply bare = Reply.parse("ERR@FUTURE");
        assertEquals("FUTURE", bare.code());
        assertNull(bare.errorCode());
        assertEquals("", bare.text());
        assertEquals("ERR@FUTURE", bare.toLine());
    }

    @Test
    void codeIsCaseSensitive() throws Exception {
        Reply parsed = Reply.parse("ERR@not_found x");
        assertEquals("not_found", parsed.code());
        assertNull(parsed.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "OK",
            "Welcome to the server",
            "ERR",
            "DISCONNECTED",
            "ok@lower case",
            "Ok@mixed",
            "err@BAD_REQUEST x",
            "ERROR@BAD_REQUEST x",
            "INFO@something",
            "@text",
            " OK@leading space",
            "OK @space before at",
            "ERR@",
            "ERR@ text without code",
            "ERR@ ",
    })
    void malformedLines(String line) {
        assertThrows(ProtocolException.class, () -> Reply.parse(line));
    }

    @Test
    void constructorInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new Reply(Reply.Kind.ERR, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Reply(Reply.Kind.OK, "BUSY", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Reply(Reply.Kind.DISCONNECTED, "BUSY", "x"));
        assertThrows(NullPointerException.class, () -> new Reply(null, null, "x"));
        assertThrows(NullPointerException.class, () -> new Reply(Reply.Kind.OK, null, null));
        assertThrows(NullPointerException.class, () -> Reply.ok(null));
    }

    @Test
    void toStringIsTheWireLine() {
        assertEquals("ERR@BUSY file in transfer", Reply.error(ErrorCode.BUSY, "file in transfer").toString());
        assertEquals("OK@Ready", Reply.ok("Ready").toString());
    }
}
