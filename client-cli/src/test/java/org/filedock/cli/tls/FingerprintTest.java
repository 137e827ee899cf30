package org.filedock.cli.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.filedock.cli.testing.TestCertificate;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void isTheSha256OfTheCertificateAsKeytoolComputesIt() {
        TestCertificate identity = TestCertificate.loopback();
        Fingerprint fingerprint = Fingerprint.of(identity.certificate());
        assertEquals(Fingerprint.parse(identity.keytoolFingerprint()), fingerprint);
        assertTrue(fingerprint.toString().matches("SHA256:[0-9a-f]{64}"), fingerprint.toString());
        assertNotEquals(fingerprint, Fingerprint.of(TestCertificate.otherLoopback().certificate()));
    }

    @Test
    void acceptsThePrefixedFormPlainHexAndColonPairsInAnyCase() {
        Fingerprint expected = Fingerprint.parse("SHA256:" + HEX);
        assertEquals("SHA256:" + HEX, expected.toString());
        assertEquals(expected, Fingerprint.parse(HEX));
        assertEquals(expected, Fingerprint.parse(HEX.toUpperCase()));
        assertEquals(expected, Fingerprint.parse("sha256:" + HEX.toUpperCase()));
        assertEquals(expected, Fingerprint.parse("  " + pairs(HEX) + " "));
        assertEquals(expected, Fingerprint.parse("SHA256:" + pairs(HEX).toUpperCase()));
        assertEquals(expected.hashCode(), Fingerprint.parse(HEX).hashCode());
    }

    @Test
    void refusesAnythingElseWithTheExpectedForm() {
        for (String bad : new String[] {"", "SHA256:", HEX.substring(1), HEX + "0", "SHA1:" + HEX,
            HEX.replace('a', 'g'), pairs(HEX).replaceFirst(":", "::"), pairs(HEX).replaceFirst(":", ""),
            "SHA256:" + HEX + ":"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(bad),
                    bad);
            assertTrue(error.getMessage().contains("expected SHA256: and 64 hex digits"), error.getMessage());
        }
    }

    private static String pairs(String hex) {
        return hex.replaceAll("(..)(?!$)", "$1:");
    }
}
