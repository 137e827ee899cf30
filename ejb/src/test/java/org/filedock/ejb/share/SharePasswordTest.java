package org.filedock.ejb.share;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharePasswordTest {

    @Test
    void theRightPasswordMatchesAndNoOtherDoes() {
        String stored = SharePassword.hash("correct horse".toCharArray(), 1000);
        assertTrue(SharePassword.verify("correct horse".toCharArray(), stored));
        assertFalse(SharePassword.verify("correct horsE".toCharArray(), stored));
        assertFalse(SharePassword.verify("correct hors".toCharArray(), stored));
        assertFalse(SharePassword.verify(new char[0], stored));
    }

    @Test
    void eachHashHasItsOwnSaltAndNamesItsSchemeAndCost() {
        String first = SharePassword.hash("pw".toCharArray());
        String second = SharePassword.hash("pw".toCharArray());
        assertNotEquals(first, second);
        String[] parts = first.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha512", parts[0]);
        assertEquals(Integer.toString(SharePassword.ITERATIONS), parts[1]);
        assertFalse(first.contains("pw$"), "the password itself is not in the record");
        assertTrue(SharePassword.verify("pw".toCharArray(), second));
    }

    @Test
    void aMalformedRecordMatchesNothing() {
        assertFalse(SharePassword.verify("pw".toCharArray(), ""));
        assertFalse(SharePassword.verify("pw".toCharArray(), "pbkdf2-sha512$x$AAAA$AAAA"));
        assertFalse(SharePassword.verify("pw".toCharArray(), "md5$1$AAAA$AAAA"));
        assertFalse(SharePassword.verify("pw".toCharArray(), "pbkdf2-sha512$10$!!$AAAA"));
    }

    @Test
    void anEmptyOrHugePasswordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SharePassword.hash(new char[0]));
        assertThrows(IllegalArgumentException.class, () -> SharePassword.hash(new char[SharePassword.MAX_LENGTH + 1]));
    }
}
