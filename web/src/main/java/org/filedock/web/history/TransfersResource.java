package org.filedock.web.history;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.filedock.api.history.LiveTransfer;
import org.filedock.api.history.RateSample;
import org.filedock.api.history.TransferDetail;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferHistory;
import org.filedock.api.history.TransferOutcome;
import org.filedock.api.history.TransferPage;
import org.filedock.api.history.TransferQuery;
import org.filedock.web.access.AccessPolicy;
import org.filedock.web.access.Caller;
import org.filedock.web.problem.Problem;
import org.filedock.web.problem.ProblemException;

/** {@code /api/transfers}: the finished transfers, one with its summary, its rate series, and those in progress. */
@Path("transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transfers", description = "Every upload and download, measured by the server")
public class TransfersResource {

    @EJB
    TransferHistory history;

    @Inject
    AccessPolicy access;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Finished transfers, newest first",
            description = "Filters combine; the window [since, until) applies to the start time. "
                    + "total counts every match, whatever the page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = TransferPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "With accounts: another user's transfers, asked for by a non-administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TransferPage list(
            @Parameter(description = "UPLOAD or DOWNLOAD", schema = @Schema(implementation = TransferDirection.class))
            @QueryParam("direction") String direction,
            @Parameter(description = "COMPLETED, ABORTED or FAILED",
                    schema = @Schema(implementation = TransferOutcome.class))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "only paths that start with this string, e.g. /reports/")
            @QueryParam("path") String path,
            @Parameter(description = "only this user's transfers (exact); with accounts, a caller without the role "
                    + "filedock-admin sees only their own (another user's name: 403)")
            @QueryParam("user") String user,
            @Parameter(description = "only the parts of this resumable upload (exact), oldest last like every list: "
                    + "the chain of one upload resumed after breaks")
            @QueryParam("uploadId") String uploadId,
            @Parameter(description = "only transfers started at or after this ISO-8601 instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("since") String since,
            @Parameter(description = "only transfers started before this ISO-8601 instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("until") String until,
            @Parameter(description = "page size, 1 to 1000 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "how many matches to skip (default 0)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("offset") String offset) {
        Instant from = QueryParameters.instant("since", since);
        Instant to = QueryParameters.instant("until", until);
        QueryParameters.window(from, to);
        return history.list(new TransferQuery(
                QueryParameters.choice("direction", direction, TransferDirection.class),
                QueryParameters.choice("outcome", outcome, TransferOutcome.class),
                QueryParameters.text(path),
                caller().transferFilter(QueryParameters.text(user)),
                QueryParameters.text(uploadId),
                from,
                to,
                QueryParameters.integer("limit", limit, TransferQuery.DEFAULT_LIMIT, 1, TransferQuery.MAX_LIMIT),
                QueryParameters.integer("offset", offset, 0, 0, Integer.MAX_VALUE)));
    }

    @GET
    @Path("live")
    @Operation(summary = "Transfers in progress, newest first, with the rate of their latest sampling interval")
    @APIResponse(responseCode = "200", description = "Possibly none",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LiveTransfer.class)))
    public List<LiveTransfer> live() {
        Caller caller = caller();
        return history.live().stream().filter(t -> caller.maySee(t.user())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One finished transfer with its duration, sample count and peak rate")
    @APIResponse(responseCode = "200", description = "The transfer",
            content = @Content(schema = @Schema(implementation = TransferDetail.class)))
    @APIResponse(responseCode = "404", description = "No finished transfer has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TransferDetail get(@Parameter(description = "the transfer's id (a UUID)") @PathParam("id") String id) {
        Caller caller = caller();
        // another user's transfer is as unknown as one that never was
        return history.find(id).filter(t -> caller.maySee(t.user())).orElseThrow(() -> unknown(id));
    }

    @GET
    @Path("{id}/samples")
    @Operation(summary = "The transfer's rate series",
            description = "Sampled every 100 ms (evenly thinned to at most 2000 samples) plus one at the end. "
                    + "With Accept: text/csv, the report's file: seconds,rate,rolling_average.")
    @APIResponse(responseCode = "200", description = "The samples in time order",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = RateSample.class)),
                @Content(mediaType = SamplesCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "404", description = "No finished transfer has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RateSample> samples(@PathParam("id") String id) {
        get(id);
        return history.samples(id).orElseThrow(() -> unknown(id));
    }

    @GET
    @Path("{id}/samples")
    @Produces(SamplesCsv.MEDIA_TYPE + ";qs=0.5")
    @Operation(hidden = true)
    public String samplesAsCsv(@PathParam("id") String id) {
        return SamplesCsv.format(samples(id));
    }

    private Caller caller() {
        return access.caller(security);
    }

    private static ProblemException unknown(String id) {
        return ProblemException.notFound("no finished transfer has the id '" + id + "'");
    }
}
