package org.filedock.ejb.command;

import static org.filedock.ejb.path.CommandAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.filedock.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

/** {@code [resume] [sha256=<hex>]} after an upload's size. */
class UploadOptionsTest {

    private static final String USAGE = "UPLOAD <path> <size> [resume] [sha256=<hex>]";
    private static final String HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void eitherOrderAndEitherAlone() throws Exception {
        assertEquals(new UploadOptions(false, Optional.empty()), UploadOptions.parse(List.of(), USAGE));
        assertEquals(new UploadOptions(true, Optional.empty()), UploadOptions.parse(List.of("resume"), USAGE));
        assertEquals(new UploadOptions(false, Optional.of(HEX)), UploadOptions.parse(List.of("sha256=" + HEX), USAGE));
        assertEquals(new UploadOptions(true, Optional.of(HEX)),
                UploadOptions.parse(List.of("sha256=" + HEX.toUpperCase(), "resume"), USAGE));
        assertEquals(new UploadOptions(true, Optional.of(HEX)),
                UploadOptions.parse(List.of("resume", "sha256=" + HEX), USAGE));
    }

    @Test
    void anythingElseIsABadRequest() {
        assertFails(ErrorCode.BAD_REQUEST, "usage: " + USAGE, () -> UploadOptions.parse(List.of("RESUME"), USAGE));
        assertFails(ErrorCode.BAD_REQUEST, "usage: " + USAGE, () -> UploadOptions.parse(List.of("resume", "resume"), USAGE));
        assertFails(ErrorCode.BAD_REQUEST, "usage: " + USAGE,
                () -> UploadOptions.parse(List.of("sha256=" + HEX, "sha256=" + HEX), USAGE));
        assertFails(ErrorCode.BAD_REQUEST, "usage: " + USAGE, () -> UploadOptions.parse(List.of("md5=" + HEX), USAGE));
        assertFails(ErrorCode.BAD_REQUEST, () -> UploadOptions.parse(List.of("sha256=" + HEX.substring(2)), USAGE));
        assertFails(ErrorCode.BAD_REQUEST, () -> UploadOptions.parse(List.of("sha256=" + HEX.replace('a', 'x')), USAGE));
        assertFails(ErrorCode.BAD_REQUEST, () -> UploadOptions.parse(List.of("sha256="), USAGE));
    }
}
