package org.filedock.ejb.share;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareTokenTest {

    @Test
    void aTokenCarries256RandomBitsInBase64Url() {
        String token = ShareToken.generate();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertTrue(ShareToken.looksLikeToken(token));
    }

    @Test
    void tokensAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ShareToken.generate()));
        }
    }

    @Test
    void theIdIsTheTokensSha256AndMatchesOnlyItsToken() {
        String token = ShareToken.generate();
        String id = ShareToken.idOf(token);
        assertEquals(43, id.length());
        assertNotEquals(token, id);
        assertEquals(id, ShareToken.idOf(token));
        assertTrue(ShareToken.matches(token, id));
        assertFalse(ShareToken.matches(ShareToken.generate(), id));
        assertFalse(ShareToken.matches(token, id.substring(1) + "A"));
        // the known vector: SHA-256("abc"), base64url
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", ShareToken.idOf("abc"));
    }

    @Test
    void textOfAnotherShapeIsNoToken() {
        assertFalse(ShareToken.looksLikeToken(null));
        assertFalse(ShareToken.looksLikeToken(""));
        assertFalse(ShareToken.looksLikeToken("../../etc/passwd"));
        assertFalse(ShareToken.looksLikeToken(ShareToken.generate() + "x"));
        assertFalse(ShareToken.looksLikeToken(ShareToken.generate().substring(1) + "/"));
    }
}
