package org.filedock.web.audit;

import java.time.Instant;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.filedock.api.audit.AuditAction;
import org.filedock.api.audit.AuditQuery;
import org.filedock.api.history.QueryBounds;
import org.filedock.web.history.QueryParameters;

/** The query parameters of {@code GET /api/audit}, in either media type. */
public class AuditFilters {

    @Parameter(description = "only this user's entries (for LOGIN: the name tried); exact")
    @QueryParam("user")
    String user;

    @Parameter(description = "LOGIN, UPLOAD, DOWNLOAD, DELETE, MOVE, MKDIR or RMDIR",
            schema = @Schema(implementation = AuditAction.class))
    @QueryParam("action")
    String action;

    @Parameter(description = "only paths (or MOVE targets) that start with this string, e.g. /docs/")
    @QueryParam("path")
    String path;

    @Parameter(description = "only entries recorded at or after this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("since")
    String since;

    @Parameter(description = "only entries recorded before this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("until")
    String until;

    @Parameter(description = "page size, 1 to 1000 (default 50)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "50"))
    @QueryParam("limit")
    String limit;

    @Parameter(description = "how many matches to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    @QueryParam("offset")
    String offset;

    /** The parameters checked one by one: a malformed one is a 400 that names it. */
    AuditQuery query() {
        Instant from = QueryParameters.instant("since", since);
        Instant to = QueryParameters.instant("until", until);
        QueryParameters.window(from, to);
        return new AuditQuery(
                QueryParameters.text(user),
                QueryParameters.choice("action", action, AuditAction.class),
                QueryParameters.text(path),
                from,
                to,
                QueryParameters.integer("limit", limit, QueryBounds.DEFAULT_LIMIT, 1, QueryBounds.MAX_LIMIT),
                QueryParameters.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
    }
}
