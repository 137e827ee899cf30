package org.filedock.ejb.share;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A link's password, kept as a slow salted hash: PBKDF2 with HMAC-SHA-512, 210,000 iterations
 * (OWASP's figure for it), a 16-byte random salt, in the form
 * {@code pbkdf2-sha512$<iterations>$<salt>$<hash>} (base64), so that the cost can be raised later
 * without breaking stored links.
 */
public final class SharePassword {

    static final int ITERATIONS = 210_000;
    /** Longer passwords are refused: PBKDF2's cost grows with nothing else, but an HTTP header is bounded anyway. */
    public static final int MAX_LENGTH = 1024;
    private static final String SCHEME = "pbkdf2-sha512";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SharePassword() {
    }

    /** @throws IllegalArgumentException for an empty or too long password */
    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    static String hash(char[] password, int iterations) {
        if (password.length == 0 || password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a password has 1 to " + MAX_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password is the one stored, compared in constant time; a malformed record matches nothing. */
    public static boolean verify(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0]) || password.length == 0 || password.length > MAX_LENGTH) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] expected = b64.decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, b64.decode(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }
}
