package org.filedock.web.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The user and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8). {@link #toString()}
 * never shows the password.
 */
public record BasicCredentials(String user, String password) {

    static final String SCHEME = "Basic";

    /** Whether the header names the Basic scheme at all (then {@link #parse} decides if it is well-formed). */
    static boolean isBasic(String authorization) {
        return authorization != null
                && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1);
    }

    /**
     * @return the credentials, or empty when the header is not Basic, not Base64, not UTF-8, has no
     *         colon, or an empty user name
     */
    static Optional<BasicCredentials> parse(String authorization) {
        return decode(authorization).filter(decoded -> decoded.indexOf(':') > 0)
                .map(decoded -> new BasicCredentials(decoded.substring(0, decoded.indexOf(':')),
                        decoded.substring(decoded.indexOf(':') + 1)));
    }

    /**
     * The password of a Basic header whose user name does not matter (a share link's, which asks
     * for any name, even an empty one).
     */
    public static Optional<String> passwordOf(String authorization) {
        return decode(authorization).filter(decoded -> decoded.indexOf(':') >= 0)
                .map(decoded -> decoded.substring(decoded.indexOf(':') + 1));
    }

    /** {@code user:password} as sent, or empty when the header is not Basic, not Base64 or not UTF-8. */
    private static Optional<String> decode(String authorization) {
        if (!isBasic(authorization)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(authorization.substring(SCHEME.length() + 1).trim());
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BasicCredentials[user=%s]", user);
    }
}
