package org.filedock.api.share;

import java.time.Instant;

/**
 * A link as its owner lists it. The token is not kept, so it is not shown again: the link is
 * named by its id (which grants nothing).
 *
 * @param owner the user who made it; null for a link made without accounts
 */
public record ShareLink(String id, String owner, String path, Instant createdAt, Instant expiresAt,
                        boolean passwordProtected) {
}
