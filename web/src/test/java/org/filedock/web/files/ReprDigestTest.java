package org.filedock.web.files;

import java.util.Optional;

import org.filedock.api.CommandException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReprDigestTest {

    // SHA-256 of the empty input
    private static final String EMPTY_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String EMPTY_B64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    @Test
    void theSha256MemberIsTakenAsHex() throws CommandException {
        assertEquals(Optional.of(EMPTY_HEX), ReprDigest.sha256("sha-256=:" + EMPTY_B64 + ":"));
        assertEquals(Optional.of(EMPTY_HEX), ReprDigest.sha256("sha-512=:AAAA:, SHA-256=:" + EMPTY_B64 + ":"));
        assertEquals(Optional.empty(), ReprDigest.sha256(null));
        assertEquals(Optional.empty(), ReprDigest.sha256("sha-512=:AAAA:"));
    }

    @Test
    void aMalformedSha256IsRefused() {
        for (String header : new String[] {"sha-256=" + EMPTY_B64, "sha-256=:not base64!:", "sha-256=:AAAA:", "sha-256=:"}) {
            assertThrows(CommandException.class, () -> ReprDigest.sha256(header), header);
        }
    }
}
