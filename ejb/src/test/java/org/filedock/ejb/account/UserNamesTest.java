package org.filedock.ejb.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Bob", "a", "7", "j.doe", "j_doe", "j-doe", "jane@example.org", "a..b"})
    void safeNames(String name) {
        assertTrue(UserNames.isSafe(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".hidden", "-x", "_x", "@x", "a/b", "../alice", "/alice", "a\\b",
            "a b", "a\tb", "a\nb", "a\u0000b", "ä", "alice\u200b", "$local", "a:b", "a*", ".filedock-x"})
    void unsafeNames(String name) {
        assertFalse(UserNames.isSafe(name), name);
    }

    @Test
    void atMostSixtyFourCharacters() {
        assertTrue(UserNames.isSafe("a".repeat(64)));
        assertFalse(UserNames.isSafe("a".repeat(65)));
        assertFalse(UserNames.isSafe(null));
    }

    @Test
    void theLogShowsABoundedNameWithoutControlCharacters() {
        assertEquals("'a\\u000ab'", UserNames.forLog("a\nb"));
        assertEquals("'" + "x".repeat(64) + "'... (100 characters)", UserNames.forLog("x".repeat(100)));
    }
}
