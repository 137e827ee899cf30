package org.filedock.cli.client;

import java.util.Optional;

/**
 * A completed UPLOAD or DOWNLOAD.
 *
 * @param reply       the text of the server's last {@code OK@} reply
 * @param sha256      the content's SHA-256 that both sides agreed on, or {@code null} when not verified
 * @param resumedFrom where this transfer went on from (0: from the start), so only the bytes after it moved now
 */
public record Transferred(String reply, String sha256, long resumedFrom) {

    public Optional<String> verifiedSha256() {
        return Optional.ofNullable(sha256);
    }
}
