package org.filedock.api.audit;

import java.time.Instant;

import org.filedock.api.history.QueryBounds;

/**
 * Which audit entries to list: every filter is optional ({@code null}); the window is
 * {@code [since, until)} on the time; {@code pathPrefix} is a plain string prefix of the path or,
 * for a MOVE, of its target; {@code user} is compared exactly.
 */
public record AuditQuery(
        String user,
        AuditAction action,
        String pathPrefix,
        Instant since,
        Instant until,
        int limit,
        int offset) {

    public AuditQuery {
        QueryBounds.check(since, until, limit, offset);
    }
}
