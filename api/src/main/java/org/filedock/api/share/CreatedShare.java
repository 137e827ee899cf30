package org.filedock.api.share;

import java.time.Instant;

/** A new link: its token and URL are shown this once, and never kept by the server. */
public record CreatedShare(String id, String token, String url, String path, Instant expiresAt) {
}
