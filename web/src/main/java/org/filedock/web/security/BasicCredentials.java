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
record BasicCredentials(String user, String password) {

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
        if (!isBasic(authorization)) {
            return Optional.empty();
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(authorization.substring(SCHEME.length() + 1).trim());
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BasicCredentials[user=%s]", user);
    }
}
