package org.filedock.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTest {

    @Test
    void parseWithQuotedArgument() throws Exception {
        Request request = Request.parse("UPLOAD \"my report.pdf\" 1024");
        assertEquals("UPLOAD", request.verb());
        assertEquals(List.of("my report.pdf", "1024"), request.args());
        assertEquals("my report.pdf", request.arg(0));
        assertEquals("1024", request.arg(1));
    }

    @Test
    void parseWithoutArguments() throws Exception {
        Request request = Request.parse("PWD");
        assertEquals("PWD", request.verb());
        assertEquals(List.of(), request.args());
        assertThrows(IndexOutOfBoundsException.class, () -> request.arg(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"download x", "DOWNLOAD x", "Download x", "dOwNlOaD x"})
    void verbIsCaseInsensitive(String line) throws Exception {
        Request request = Request.parse(line);
        assertEquals("DOWNLOAD", request.verb());
        assertEquals(List.of("x"), request.args());
    }

    @Test
    void aLoginsPasswordNeverShowsInToString() throws Exception {
        String shown = Request.parse("login alice \"s3cret pass\"").toString();
        assertEquals("Request[LOGIN alice (password hidden)]", shown);
        assertEquals("Request[MKDIR \"a b\"]", Request.of("mkdir", "a b").toString());
    }

    @Test
    void argumentsKeepTheirCase() throws Exception {
        assertEquals(List.of("MyFile.TXT", "Dir"), Request.parse("move MyFile.TXT Dir").args());
    }

    @Test
    void verbUpperCasingDoesNotDependOnTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            assertEquals("DIR", Request.parse("dir").verb());
            assertEquals("CHDIR", Request.parse("chdir x").verb());
            assertEquals("MKDIR", Request.of("mkdir", "x").verb());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void multipleSpacesBetweenArguments() throws Exception {
        Request request = Request.parse("MOVE    a.txt      \"b dir\"   ");
        assertEquals("MOVE", request.verb());
        assertEquals(List.of("a.txt", "b dir"), request.args());
    }

    @Test
    void unquotedArgumentsAreLiteral() throws Exception {
        assertEquals(List.of("a\\b"), Request.parse("MKDIR a\\b").args());
        assertEquals(List.of("a\"b"), Request.parse("MKDIR a\"b").args());
    }

    @Test
    void emptyQuotedArgumentIsKept() throws Exception {
        assertEquals(List.of(""), Request.parse("MKDIR \"\"").args());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            " ",
            "      ",
            "UPLOAD \"unterminated 5",
            "UPLOAD \"bad\\nescape\" 5",
            "UPLOAD \"a\"b 5",
            "MOVE \"a\"\"b\" c",
    })
    void syntaxErrors(String line) {
        assertThrows(RequestSyntaxException.class, () -> Request.parse(line));
    }

    @Test
    void toLineQuotesOnlyWhatNeedsIt() {
        assertEquals("UPLOAD \"my report.pdf\" 1024", Request.of("upload", "my report.pdf", "1024").toLine());
        assertEquals("PWD", Request.of("pwd").toLine());
        assertEquals("MKDIR \"\"", Request.of("MKDIR", "").toLine());
        assertEquals("MKDIR \"a\\\\b\"", Request.of("MKDIR", "a\\b").toLine());
        assertEquals("MKDIR \"say \\\"hi\\\"\"", Request.of("MKDIR", "say \"hi\"").toLine());
    }

    @Test
    void toLineThenParseRoundTrips() throws Exception {
        List<Request> requests = List.of(
                Request.of("PWD"),
                Request.of("upload", "my report.pdf", "1024"),
                Request.of("MOVE", " lead", "trail ", "in  side"),
                Request.of("MKDIR", "a\\b\\\"c\""),
                Request.of("MKDIR", ""),
                Request.of("DIR", "ünïcödé 文件 😀"),
                Request.of("UPLOAD", "x", "5", "resume", "sha256=" + "ab".repeat(32)));
        for (Request request : requests) {
            assertEquals(request, Request.parse(request.toLine()), request.toLine());
        }
    }

    @Test
    void parseThenToLineNormalises() throws Exception {
        assertEquals("UPLOAD \"a b\" 3", Request.parse("  upload   \"a b\"   3 ").toLine());
        assertEquals("MKDIR x", Request.parse("mkdir \"x\"").toLine());
    }

    @Test
    void argumentsAreAnImmutableCopy() {
        List<String> args = new ArrayList<>(List.of("a", "b"));
        Request request = new Request("move", args);
        args.set(0, "changed");
        assertEquals(List.of("a", "b"), request.args());
        assertThrows(UnsupportedOperationException.class, () -> request.args().add("c"));
    }

    @Test
    void parsedArgumentsAreImmutable() throws Exception {
        Request request = Request.parse("MOVE a b");
        assertThrows(UnsupportedOperationException.class, () -> request.args().set(0, "x"));
    }

    @Test
    void equalityIgnoresVerbCase() {
        assertEquals(Request.of("dir", "x"), Request.of("DIR", "x"));
    }
}
