package org.filedock.web.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filedock.api.audit.AuditPage;
import org.filedock.api.audit.AuditTrail;
import org.filedock.web.access.AccessPolicy;
import org.filedock.web.problem.Problem;

/** {@code /api/audit}: who did what, when, from where, and how it ended. */
@Path("audit")
@RequestScoped
@Tag(name = "audit", description = "Every login, transfer and change of the storage, with its user and outcome")
public class AuditResource {

    /** With CSV, how many entries match in all (the body is one page). */
    static final String TOTAL_HEADER = "X-Total-Count";

    @EJB
    AuditTrail trail;

    @Inject
    AccessPolicy access;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The audit trail, newest first",
            description = "Filters combine; total counts every match, whatever the page. "
                    + "With Accept: text/csv the same page as CSV (time,user,client_address,action,path,target,outcome) "
                    + "and the total in the header " + TOTAL_HEADER + ". With accounts (filedock.auth=required) "
                    + "only for the role filedock-admin.")
    @APIResponse(responseCode = "200", description = "One page",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)),
                @Content(mediaType = AuditCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", description = "A parameter is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not an administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage list(@BeanParam AuditFilters filters) {
        access.caller(security).requireAdministrator();
        return trail.list(filters.query());
    }

    @GET
    @Produces(AuditCsv.MEDIA_TYPE + ";qs=0.5")
    @Operation(hidden = true)
    public Response listAsCsv(@BeanParam AuditFilters filters) {
        AuditPage page = list(filters);
        return Response.ok(AuditCsv.format(page.items()), AuditCsv.MEDIA_TYPE + ";charset=UTF-8")
                .header(TOTAL_HEADER, page.total())
                .build();
    }
}
