package org.filedock.ejb.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A link's secret: 256 bits from {@link SecureRandom}, in base64url without padding (43
 * characters). The server keeps only its SHA-256, also base64url, which doubles as the link's id:
 * someone who reads the database (or a listing) learns ids, never a usable link.
 */
public final class ShareToken {

    /** Random bytes per token: 256 bits, twice the 128 the contract asks for. */
    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ShareToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The id a token is stored under: its SHA-256, base64url. */
    public static String idOf(String token) {
        return ENCODER.encodeToString(sha256(token));
    }

    /** Whether the token hashes to the id, compared in constant time. */
    public static boolean matches(String token, String id) {
        return MessageDigest.isEqual(idOf(token).getBytes(StandardCharsets.US_ASCII),
                id.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the text has a token's shape (anything else is no token and needs no lookup). */
    public static boolean looksLikeToken(String text) {
        return text != null && text.length() == 43 && text.chars().allMatch(ShareToken::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
