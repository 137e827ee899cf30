package org.filedock.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColonSoThatPasswordsMayHoldColons() {
        assertEquals(Optional.of(new BasicCredentials("alice", "se:cr:et")), BasicCredentials.parse(basic("alice:se:cr:et")));
    }

    @Test
    void readsUtf8AndTheSchemeInAnyCase() {
        String header = "bAsIc " + Base64.getEncoder().encodeToString("jörg:pässwort".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(new BasicCredentials("jörg", "pässwort")), BasicCredentials.parse(header));
    }

    @Test
    void anEmptyPasswordIsAPasswordToCheck() {
        assertEquals(Optional.of(new BasicCredentials("alice", "")), BasicCredentials.parse(basic("alice:")));
    }

    @Test
    void aShareLinksPasswordTakesAnyUserNameEvenNone() {
        assertEquals(Optional.of("se:cret"), BasicCredentials.passwordOf(basic(":se:cret")));
        assertEquals(Optional.of("pw"), BasicCredentials.passwordOf(basic("whoever:pw")));
        assertEquals(Optional.empty(), BasicCredentials.passwordOf(basic("no colon")));
        assertEquals(Optional.empty(), BasicCredentials.passwordOf("Bearer abc"));
        assertEquals(Optional.empty(), BasicCredentials.passwordOf(null));
        assertEquals(Optional.empty(), BasicCredentials.passwordOf("Basic %%%"));
    }

    @Test
    void refusesWhatIsNotWellFormed() {
        assertEquals(Optional.empty(), BasicCredentials.parse(basic("no colon")));
        assertEquals(Optional.empty(), BasicCredentials.parse(basic(":password without user")));
        assertEquals(Optional.empty(), BasicCredentials.parse("Basic not*base64!"));
        assertEquals(Optional.empty(), BasicCredentials.parse(
                "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xff})));
        assertEquals(Optional.empty(), BasicCredentials.parse("Bearer abc"));
        assertEquals(Optional.empty(), BasicCredentials.parse(null));
    }

    @Test
    void knowsTheSchemeBeforeParsing() {
        assertTrue(BasicCredentials.isBasic("basic x"));
        assertFalse(BasicCredentials.isBasic("Basically"));
        assertFalse(BasicCredentials.isBasic("Digest username=alice"));
    }

    @Test
    void neverShowsThePassword() {
        assertFalse(new BasicCredentials("alice", "hunter2").toString().contains("hunter2"));
    }
}
