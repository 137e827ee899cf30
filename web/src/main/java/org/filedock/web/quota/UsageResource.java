package org.filedock.web.quota;

import java.security.Principal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filedock.api.AuthMode;
import org.filedock.api.CommandException;
import org.filedock.api.FileDockConfig;
import org.filedock.api.quota.QuotaAdministration;
import org.filedock.api.quota.Usage;
import org.filedock.web.security.Roles;

/**
 * {@code GET /api/usage}: {@code {"used":123,"quota":456}}, {@code "quota":null} when unlimited
 * (contract §13, §14): the caller's, or without accounts the shared root's.
 */
@Path("usage")
@RequestScoped
@Tag(name = "quotas")
public class UsageResource {

    private static final AuthMode MODE = FileDockConfig.fromSystemProperties().auth();

    @EJB
    QuotaAdministration quotas;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's usage (bytes of their files and partial uploads) and quota (null: unlimited)")
    public Response get() {
        String user = null;
        if (MODE == AuthMode.REQUIRED) {
            Principal caller = security.getUserPrincipal();
            if (caller == null || !security.isUserInRole(Roles.USER) && !security.isUserInRole(Roles.ADMIN)) {
                return QuotaProblems.of(403, "usage is for the roles " + Roles.USER + " and " + Roles.ADMIN, "FORBIDDEN");
            }
            user = caller.getName();
        }
        try {
            Usage usage = quotas.usageOf(user);
            JsonObjectBuilder json = Json.createObjectBuilder().add("used", usage.used());
            if (usage.quota().isPresent()) {
                json.add("quota", usage.quota().getAsLong());
            } else {
                json.addNull("quota");
            }
            return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store").build();
        } catch (CommandException e) {
            return QuotaProblems.of(e);
        }
    }
}
