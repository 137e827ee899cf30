package org.filedock.cli.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretLinesTest {

    @Test
    void aLoginLineWithMoreThanTheUserMayCarryAPassword() {
        assertTrue(SecretLines.carriesPassword("LOGIN alice secret"));
        assertTrue(SecretLines.carriesPassword("  login\talice \"two words\""));
        assertTrue(SecretLines.carriesPassword("Login \"alice smith\""), "quoted names are kept out too, to be safe");
    }

    @Test
    void otherLinesAreOrdinary() {
        assertFalse(SecretLines.carriesPassword("LOGIN alice"));
        assertFalse(SecretLines.carriesPassword("LOGIN"));
        assertFalse(SecretLines.carriesPassword("UPLOAD login secret"));
        assertFalse(SecretLines.carriesPassword("LOGINS a b"));
        assertFalse(SecretLines.carriesPassword(""));
    }
}
