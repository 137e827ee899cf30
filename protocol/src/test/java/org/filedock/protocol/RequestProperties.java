package org.filedock.protocol;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Quoting and request parsing (contract §2) on arbitrary text. */
class RequestProperties {

    @Property
    void quotedArgumentsSplitBackToThemselves(@ForAll("arguments") List<String> arguments) throws Exception {
        String line = String.join(" ", arguments.stream().map(Quoting::quote).toList());
        assertEquals(arguments, Quoting.split(line));
    }

    @Property
    void aRequestSurvivesItsOwnLine(@ForAll("verbs") String verb, @ForAll("arguments") List<String> arguments)
            throws Exception {
        Request request = new Request(verb, arguments);
        assertEquals(request, Request.parse(request.toLine()));
    }

    @Property
    void anyLineIsARequestOrASyntaxError(@ForAll("lineText") String line) {
        try {
            Request request = Request.parse(line);
            // a quoted empty word ("") is a verb no command has: UNKNOWN_COMMAND, not a failure
            assertEquals(request.verb().toUpperCase(java.util.Locale.ROOT), request.verb());
            request.args().forEach(org.junit.jupiter.api.Assertions::assertNotNull);
        } catch (RequestSyntaxException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "fit for an ERR@ line");
        }
    }

    @Provide
    Arbitrary<List<String>> arguments() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars(' ', '"', '\\', 'a', '.', '/').ofMaxLength(12))
                .list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> verbs() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> lineText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars(' ', '"', '\\', 'A', 'x', '\t', '\0').ofMaxLength(30));
    }
}
