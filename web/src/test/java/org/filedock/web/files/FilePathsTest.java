package org.filedock.web.files;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FilePathsTest {

    @Test
    void segmentsArePercentDecoded() throws CommandException {
        assertEquals("/", FilePaths.decode("/"));
        assertEquals("/a b/c", FilePaths.decode("/a%20b/c/"));
        assertEquals("/r\u00e9sum\u00e9", FilePaths.decode("/r%C3%A9sum%c3%a9"));
        assertEquals("/a+b/..", FilePaths.decode("/a+b/%2e%2E"), "dots are left to the resolver");
        assertEquals("/back\\slash", FilePaths.decode("/back%5Cslash"));
    }

    @Test
    void encodedSlashesAndBadEncodingsAreRefused() {
        for (String raw : new String[] {"/a%2Fb", "/a%2f", "/bad%FF", "/cut%C3", "/short%4", "/nothex%zz"}) {
            CommandException e = assertThrows(CommandException.class, () -> FilePaths.decode(raw), raw);
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
        }
    }
}
