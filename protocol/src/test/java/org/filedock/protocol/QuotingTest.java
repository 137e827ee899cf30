package org.filedock.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuotingTest {

    static Stream<String> roundTripStrings() {
        return Stream.of(
                "plain",
                "a/b/c.txt",
                "../up",
                "",
                " ",
                "   ",
                "my report.pdf",
                " leading",
                "trailing ",
                "  both  ",
                "two  spaces",
                "\"",
                "\"\"",
                "\"quoted\"",
                "say \"hi\"",
                "\\",
                "\\\\",
                "back\\slash",
                "C:\\dir\\file",
                "ends with backslash\\",
                "\\\"",
                "\"\\",
                "mixed \\\" both",
                "ünïcödé",
                "文件 名",
                "emoji 😀 file",
                "tab\there",
                "a@b",
                "OK@text",
                "-1",
                "x=y",
                "'single'");
    }

    @ParameterizedTest
    @MethodSource("roundTripStrings")
    void quoteThenSplitGivesTheOriginal(String original) throws Exception {
        assertEquals(List.of(original), Quoting.split(Quoting.quote(original)));
    }

    @Test
    void manyArgumentsRoundTripTogether() throws Exception {
        List<String> all = roundTripStrings().collect(Collectors.toList());
        String line = all.stream().map(Quoting::quote).collect(Collectors.joining(" "));
        assertEquals(all, Quoting.split(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a/b/c.txt", "ünïcödé", "1024", "a@b", "tab\there", "-"})
    void wordsThatNeedNoQuotesAreLeftAlone(String word) {
        assertEquals(word, Quoting.quote(word));
    }

    @Test
    void quoteWritesTheContractForm() {
        assertEquals("\"\"", Quoting.quote(""));
        assertEquals("\"my report.pdf\"", Quoting.quote("my report.pdf"));
        assertEquals("\"a\\\"b\"", Quoting.quote("a\"b"));
        assertEquals("\"a\\\\b\"", Quoting.quote("a\\b"));
        assertEquals("\" \"", Quoting.quote(" "));
        assertEquals("\"\\\\\\\"\"", Quoting.quote("\\\""));
    }

    @Test
    void splitOnOneOrMoreSpaces() throws Exception {
        assertEquals(List.of("UPLOAD", "a", "12"), Quoting.split("UPLOAD a 12"));
        assertEquals(List.of("UPLOAD", "a", "12"), Quoting.split("UPLOAD   a     12"));
        assertEquals(List.of("UPLOAD", "a", "12"), Quoting.split("  UPLOAD a 12   "));
    }

    @Test
    void splitEmptyAndBlankLines() throws Exception {
        assertEquals(List.of(), Quoting.split(""));
        assertEquals(List.of(), Quoting.split("     "));
    }

    @Test
    void splitQuotedArguments() throws Exception {
        assertEquals(List.of("UPLOAD", "my report.pdf", "1024"), Quoting.split("UPLOAD \"my report.pdf\" 1024"));
        assertEquals(List.of("a\"b", "c\\d"), Quoting.split("\"a\\\"b\" \"c\\\\d\""));
        assertEquals(List.of("", "x", ""), Quoting.split("\"\" x \"\""));
        assertEquals(List.of("  in  "), Quoting.split("\"  in  \""));
        assertEquals(List.of("a", "b c"), Quoting.split("a   \"b c\"   "));
    }

    @Test
    void quotedWordMayContainLineLikeCharacters() throws Exception {
        assertEquals(List.of("x@y", "tab\tin"), Quoting.split("\"x@y\" \"tab\tin\""));
    }

    @Test
    void unquotedWordsAreLiteral() throws Exception {
        assertEquals(List.of("MKDIR", "a\\b"), Quoting.split("MKDIR a\\b"));
        assertEquals(List.of("MKDIR", "a\"b"), Quoting.split("MKDIR a\"b"));
        assertEquals(List.of("a\"b", "c\""), Quoting.split("a\"b c\""));
        assertEquals(List.of("end\\"), Quoting.split("end\\"));
        assertEquals(List.of("\\\"x"), Quoting.split("\\\"x"), "a backslash before a quote outside quotes is literal");
        assertEquals(List.of("x\\n"), Quoting.split("x\\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"abc",                   // unterminated
            "UPLOAD \"my report.pdf",  // unterminated argument
            "\"",                      // a lone quote
            "a \"",                    // a lone quote at the end
            "\"abc\\\"",               // the only quote is escaped
            "\"abc\\",                 // escape at end of line
            "\"a\\nb\"",               // \n escape is not allowed
            "\"a\\tb\"",               // \t escape is not allowed
            "\"a\\ b\"",               // escaped space is not allowed
            "\"a\\'b\"",               // escaped single quote is not allowed
            "\"a\"b",                  // closing quote followed by a non-space
            "\"a\"\"b\"",              // two quoted words without a space
            "x \"a\"b y",              // in the middle of a line
            "\"a\"\t",                 // a tab is not a separator
    })
    void syntaxErrors(String line) {
        assertThrows(RequestSyntaxException.class, () -> Quoting.split(line));
    }

    @Test
    void syntaxErrorIsAProtocolException() {
        RequestSyntaxException e = assertThrows(RequestSyntaxException.class, () -> Quoting.split("\"x"));
        assertEquals(ProtocolException.class, e.getClass().getSuperclass());
    }
}
