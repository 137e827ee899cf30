package org.filedock.cli.client;

import java.util.Optional;

/**
 * A completed UPLOAD or DOWNLOAD.
 *
 * @param reply  the text of the server's last {@code OK@} reply
 * @param sha256 the content's SHA-256 that both sides agreed on, or {@code null} when not verified
 */
public record Transferred(String reply, String sha256) {

    public Optional<String> verifiedSha256() {
        return Optional.ofNullable(sha256);
    }
}
