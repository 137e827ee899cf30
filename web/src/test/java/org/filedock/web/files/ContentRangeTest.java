package org.filedock.web.files;

import java.util.Optional;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentRangeTest {

    @Test
    void aPartRunsFromItsFirstByteToTheEnd() throws CommandException {
        ContentRange part = ContentRange.parse("bytes 400-999/1000").orElseThrow();
        assertFalse(part.asksOffset());
        assertEquals(400, part.first());
        assertEquals(1000, part.total());
        assertEquals(600, part.length());
        assertEquals(0, ContentRange.parse("Bytes 0-0/1").orElseThrow().first());
    }

    @Test
    void aStarAsksTheOffset() throws CommandException {
        ContentRange question = ContentRange.parse("bytes */1000").orElseThrow();
        assertTrue(question.asksOffset());
        assertEquals(1000, question.total());
    }

    @Test
    void noHeaderIsAPlainPut() throws CommandException {
        assertEquals(Optional.empty(), ContentRange.parse(null));
    }

    @Test
    void anythingElseIsABadRequest() {
        for (String header : new String[] {"bytes 0-499/1000", "bytes 0-999/*", "bytes */*", "items 0-9/10",
                "bytes 5-4/10", "bytes 0-10/10", "bytes -1-9/10", "bytes 0-9", "bytes 0 9/10", "bytes a-9/10",
                "bytes 0-9/1000000000000000000000", "bytes +0-9/10", ""}) {
            CommandException e = assertThrows(CommandException.class, () -> ContentRange.parse(header), header);
            assertEquals(ErrorCode.BAD_REQUEST, e.code(), header);
        }
    }
}
