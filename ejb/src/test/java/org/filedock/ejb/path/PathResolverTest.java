package org.filedock.ejb.path;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.filedock.ejb.path.PathResolver.resolve;
import static org.filedock.ejb.path.PathResolver.resolveForCreate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathResolverTest {

    private static final String LEAVES = "path leaves the root";
    private static final String INVALID = "invalid name";

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../b", "/..", "/a/../..", "../", "./..",
            "a/b/../../..", "//..//x", "/../a"})
    void traversalAboveTheRootIsForbidden(String argument) {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolve("/", argument));
    }

    @Test
    void traversalAboveTheRootFromADeeperDirectory() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolve("/a/b", "../../.."));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolve("/a/b", "/.."));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolve("/a", "../../a"));
    }

    @Test
    void dotsResolveOnTheText() throws CommandException {
        assertEquals(StoragePath.of("a"), resolve("/a/b", ".."));
        assertEquals(StoragePath.ROOT, resolve("/a/b", "../.."));
        assertEquals(StoragePath.of("a", "c"), resolve("/a/b", "../c"));
        assertEquals(StoragePath.of("a", "b"), resolve("/a/b", "."));
        assertEquals(StoragePath.of("a", "b", "x"), resolve("/a/b", "./x"));
        assertEquals(StoragePath.of("b"), resolve("/", "a/../b"));
        assertEquals(StoragePath.of("a"), resolve("/x/y", "/a/./b/.."));
        assertEquals(StoragePath.ROOT, resolve("/", "."));
    }

    @Test
    void absoluteAndRelativeArguments() throws CommandException {
        assertEquals(StoragePath.of("x"), resolve("/a/b", "/x"));
        assertEquals(StoragePath.of("a", "b", "x"), resolve("/a/b", "x"));
        assertEquals(StoragePath.ROOT, resolve("/a/b", "/"));
        assertEquals(StoragePath.of("a", "b", "x"), resolve(StoragePath.of("a", "b"), "x"));
    }

    @Test
    void backslashesArePartOfTheName() throws CommandException {
        assertEquals(List.of("..\\x"), resolve("/", "..\\x").segments());
        assertEquals(List.of("a\\..\\..\\b"), resolve("/", "a\\..\\..\\b").segments());
        assertEquals(List.of("d", "\\"), resolve("/d", "\\").segments());
        assertEquals(List.of("C:\\Windows"), resolve("/", "C:\\Windows").segments());
    }

    @Test
    void percentEncodingIsNotDecoded() throws CommandException {
        assertEquals(List.of("%2e%2e"), resolve("/", "%2e%2e").segments());
        assertEquals(List.of("%2e%2e", "%2e%2e", "etc"),
                resolve("/", "%2e%2e/%2e%2e/etc").segments());
        assertEquals(List.of("..%2Fx"), resolve("/", "..%2Fx").segments());
        assertEquals(List.of("..%c0%afx"), resolve("/", "..%c0%afx").segments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "a/\u0000/b", "tab\there", "new\nline",
            "cr\r", "\u001f", "del\u007f", "\u001b[31m"})
    void controlCharactersAreInvalid(String argument) {
        assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolve("/", argument));
    }

    @Test
    void nonControlCharactersAboveAsciiAreValid() throws CommandException {
        assertEquals(List.of("\u00a0é\u0080 "), resolve("/", "\u00a0é\u0080 ").segments());
    }

    @Test
    void loneSurrogatesAreInvalid() {
        assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolve("/", "a\uD83D"));
        assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolve("/", "\uDE00b"));
    }

    @Test
    void namesMayBeUpTo255BytesOfUtf8() throws CommandException {
        String ascii = "a".repeat(255);
        String twoByte = "é".repeat(127) + "a";
        String threeByte = "€".repeat(85);
        String fourByte = "\uD83D\uDE00".repeat(63) + "abc";
        for (String name : List.of(ascii, twoByte, threeByte, fourByte)) {
            assertEquals(List.of(name), resolve("/", name).segments());
            assertEquals(List.of("d", name), resolve("/", "d/" + name).segments());
        }
    }

    @Test
    void namesOf256BytesOrMoreAreInvalid() {
        List<String> tooLong = List.of("a".repeat(256), "é".repeat(128),
                "€".repeat(85) + "a", "\uD83D\uDE00".repeat(64), "\uD83D\uDE00".repeat(63) + "abcd");
        for (String name : tooLong) {
            assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolve("/", name));
            assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolve("/", "d/" + name + "/x"));
        }
    }

    @Test
    void reservedNamesAreRefused() throws CommandException {
        String reserved = "invalid name (reserved)";
        assertFails(ErrorCode.BAD_REQUEST, reserved, () -> resolve("/", ".filedock-x"));
        assertFails(ErrorCode.BAD_REQUEST, reserved,
                () -> resolve("/", "a/.filedock-upload-1234.part"));
        assertFails(ErrorCode.BAD_REQUEST, reserved, () -> resolve("/", ".filedock-/x"));
        assertFails(ErrorCode.BAD_REQUEST, reserved, () -> resolve("/", ".filedock-d/.."));
        assertEquals(List.of(".filedock"), resolve("/", ".filedock").segments());
        assertEquals(List.of("x.filedock-"), resolve("/", "x.filedock-").segments());
        assertEquals(List.of(".Filedock-x"), resolve("/", ".Filedock-x").segments());
    }

    @Test
    void emptySegmentsAreIgnored() throws CommandException {
        assertEquals(StoragePath.of("a", "b"), resolve("/", "a//b"));
        assertEquals(StoragePath.of("a"), resolve("/", "a/"));
        assertEquals(StoragePath.of("a", "b"), resolve("/", "//a///b//"));
        assertEquals(StoragePath.ROOT, resolve("/a", "//"));
    }

    @Test
    void anEmptyArgumentIsInvalid() {
        assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolve("/a", ""));
        assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolveForCreate("/a", ""));
    }

    @Test
    void anInvalidCurrentDirectoryIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> resolve("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> resolve("/a/..", "b"));
    }

    @Test
    void createResolvesLikeResolve() throws CommandException {
        assertEquals(StoragePath.of("a", "x"), resolveForCreate("/a", "x"));
        assertEquals(StoragePath.of("x"), resolveForCreate("/a", "../x"));
        assertEquals(StoragePath.of("a", "b"), resolveForCreate("/", "a/b/"));
        assertEquals(StoragePath.of("a", "b"), resolveForCreate("/", "/a//b"));
        assertEquals(StoragePath.of("..\\x"), resolveForCreate("/", "..\\x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "./", "../", "x/.", "x/..", "x/../", "x/..//", "/a/.",
            "/a/b/.."})
    void createRefusesADotLastSegment(String argument) {
        assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolveForCreate("/a", argument));
    }

    @Test
    void createAboveTheRootIsForbiddenEvenWithADotLastSegment() {
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolveForCreate("/", ".."));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolveForCreate("/", "../x"));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolveForCreate("/a", "../../.."));
        assertFails(ErrorCode.FORBIDDEN, LEAVES, () -> resolveForCreate("/", "a/../../."));
    }

    @Test
    void createOfTheRootIsForbidden() {
        assertFails(ErrorCode.FORBIDDEN, "cannot create the root", () -> resolveForCreate("/a", "/"));
        assertFails(ErrorCode.FORBIDDEN, "cannot create the root", () -> resolveForCreate("/", "//"));
    }

    @Test
    void createChecksNamesAsResolveDoes() {
        assertFails(ErrorCode.BAD_REQUEST, INVALID, () -> resolveForCreate("/", "a\u0000"));
        assertFails(ErrorCode.BAD_REQUEST, "invalid name (reserved)",
                () -> resolveForCreate("/", ".filedock-upload-1.part"));
    }
}
