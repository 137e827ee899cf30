package org.filedock.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.filedock.protocol.RequestSyntaxException;
import org.junit.jupiter.api.Test;

class ShellLineTest {

    @Test
    void quotedArgumentsKeepTheirSpaces() throws Exception {
        ShellLine line = ShellLine.parse("UPLOAD \"my file.txt\" \"remote dir/new name.txt\"").orElseThrow();
        assertEquals("UPLOAD", line.word());
        assertEquals(List.of("my file.txt", "remote dir/new name.txt"), line.args());
    }

    @Test
    void escapesInsideQuotesAreUndone() throws Exception {
        ShellLine line = ShellLine.parse("mkdir \"say \\\"hi\\\" \\\\ bye\"").orElseThrow();
        assertEquals("mkdir", line.word());
        assertEquals(List.of("say \"hi\" \\ bye"), line.args());
    }

    @Test
    void spacesAndTabsSeparateWords() throws Exception {
        ShellLine line = ShellLine.parse("  MOVE\ta.txt    /docs  ").orElseThrow();
        assertEquals(List.of("a.txt", "/docs"), line.args());
    }

    @Test
    void unquotedBackslashesAreOrdinaryCharacters() throws Exception {
        assertEquals(List.of("a\\b"), ShellLine.parse("DELETE a\\b").orElseThrow().args());
    }

    @Test
    void anEmptyQuotedArgumentIsAnArgument() throws Exception {
        assertEquals(List.of(""), ShellLine.parse("CHDIR \"\"").orElseThrow().args());
    }

    @Test
    void aBlankLineHasNoCommand() throws Exception {
        assertTrue(ShellLine.parse("   ").isEmpty());
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThrows(RequestSyntaxException.class, () -> ShellLine.parse("UPLOAD \"my file.txt"));
    }
}
