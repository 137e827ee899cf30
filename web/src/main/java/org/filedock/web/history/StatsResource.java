package org.filedock.web.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filedock.api.history.TransferHistory;
import org.filedock.api.history.TransferStats;
import org.filedock.web.access.AccessPolicy;
import org.filedock.web.problem.Problem;

/** {@code /api/stats}: per direction over a window, how many transfers, how many bytes, how fast. */
@Path("stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transfers")
public class StatsResource {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    @EJB
    TransferHistory history;

    @Inject
    AccessPolicy access;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Figures per direction over a window of start times (default: the last 24 hours)",
            description = "count and bytes include every transfer; the rates (mean, median, 95th percentile of "
                    + "the transfers' mean rates, in bytes per second) only the completed ones. "
                    + "Both directions are always present.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = TransferStats.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "With accounts: another user's transfers, asked for by a non-administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TransferStats get(
            @Parameter(description = "start of the window, an ISO-8601 instant (default: 24 hours before until)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("since") String since,
            @Parameter(description = "end of the window, excluded (default: now)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("until") String until,
            @Parameter(description = "only this user's transfers (exact); with accounts, a caller without the role "
                    + "filedock-admin gets the figures of their own (another user's name: 403)")
            @QueryParam("user") String user) {
        Instant from = QueryParameters.instant("since", since);
        Instant to = QueryParameters.instant("until", until);
        if (to == null) {
            to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        if (from == null) {
            from = to.minus(DEFAULT_WINDOW);
        }
        QueryParameters.window(from, to);
        return history.stats(from, to, access.caller(security).transferFilter(QueryParameters.text(user)));
    }
}
