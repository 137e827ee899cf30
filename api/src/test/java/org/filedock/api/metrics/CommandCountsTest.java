package org.filedock.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;
import org.junit.jupiter.api.Test;

class CommandCountsTest {

    private final CommandCounts counts = new CommandCounts();

    @Test
    void countsEachWordAndEachErrorCode() {
        counts.answered("MKDIR", Reply.ok("Created"));
        counts.answered("MKDIR", Reply.error(ErrorCode.EXISTS, "exists"));
        counts.answered("UPLOAD", Reply.error(ErrorCode.BUSY, "being uploaded"));
        counts.unparsed();
        counts.answered("DOWNLOAD", null); // sent its own OK@<size>

        assertEquals(2, counts.count("MKDIR"));
        assertEquals(1, counts.count("UPLOAD"));
        assertEquals(0, counts.count("DIR"));
        assertEquals(1, counts.count("DOWNLOAD"));
        assertEquals(1, counts.errors(ErrorCode.EXISTS));
        assertEquals(1, counts.errors(ErrorCode.BUSY));
        assertEquals(1, counts.errors(ErrorCode.BAD_REQUEST));
        assertEquals(0, counts.errors(ErrorCode.INTERNAL));
    }

    @Test
    void wordsTheServerDoesNotKnowAreCountedAsOne() {
        counts.answered("FROB", Reply.error(ErrorCode.UNKNOWN_COMMAND, "Unknown command"));
        counts.answered("XYZZY", Reply.error(ErrorCode.UNKNOWN_COMMAND, "Unknown command"));

        assertEquals(2, counts.count(CommandCounts.UNKNOWN));
        assertEquals(0, counts.count("FROB"));
        assertEquals(2, counts.errors(ErrorCode.UNKNOWN_COMMAND));
    }

    @Test
    void theNumberOfWordsIsBounded() {
        for (int i = 0; i < CommandCounts.MAX_WORDS + 10; i++) {
            // before a login every word is answered AUTH_REQUIRED, known or not
            counts.answered("W" + i, Reply.error(ErrorCode.AUTH_REQUIRED, "login first"));
        }
        counts.answered("W0", Reply.error(ErrorCode.AUTH_REQUIRED, "login first"));

        assertEquals(2, counts.count("W0"));
        assertEquals(1, counts.count("W" + (CommandCounts.MAX_WORDS - 1)));
        assertEquals(0, counts.count("W" + CommandCounts.MAX_WORDS));
        assertEquals(10, counts.count(CommandCounts.OTHER));
    }

    @Test
    void eachWordIsToldOnceWhetherItCameBeforeOrAfter() {
        counts.answered("PWD", Reply.ok("/"));
        List<String> told = new ArrayList<>();
        counts.eachWord((word, count) -> told.add(word));
        counts.answered("PWD", Reply.ok("/"));
        counts.answered("DIR", Reply.ok("0"));
        counts.answered("DIR", Reply.ok("0"));

        assertEquals(List.of("PWD", "DIR"), told);
    }
}
