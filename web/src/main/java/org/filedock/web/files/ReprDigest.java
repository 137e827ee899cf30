package org.filedock.web.files;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;

/**
 * The SHA-256 of a {@code Repr-Digest} header (RFC 9530: a dictionary such as
 * {@code sha-256=:<base64>:, sha-512=:...:}). Only {@code sha-256} is checked; a header without it
 * asks for no check (the RFC lets a server ignore algorithms it does not support). A malformed
 * {@code sha-256} entry is BAD_REQUEST.
 */
final class ReprDigest {

    private static final String SHA_256 = "sha-256";

    private ReprDigest() {
    }

    /** @return the digest as 64 lower-case hex digits, the form the socket {@code UPLOAD} takes */
    static Optional<String> sha256(String header) throws CommandException {
        if (header == null) {
            return Optional.empty();
        }
        for (String member : header.split(",")) {
            int equals = member.indexOf('=');
            if (equals < 0 || !member.substring(0, equals).trim().equalsIgnoreCase(SHA_256)) {
                continue;
            }
            String value = member.substring(equals + 1).trim();
            if (value.length() < 2 || value.charAt(0) != ':' || value.charAt(value.length() - 1) != ':') {
                throw malformed();
            }
            byte[] digest;
            try {
                digest = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
            if (digest.length != 32) {
                throw malformed();
            }
            return Optional.of(HexFormat.of().formatHex(digest));
        }
        return Optional.empty();
    }

    private static CommandException malformed() {
        return new CommandException(ErrorCode.BAD_REQUEST,
                "malformed Repr-Digest: expected sha-256=:<base64 of 32 bytes>:");
    }
}
