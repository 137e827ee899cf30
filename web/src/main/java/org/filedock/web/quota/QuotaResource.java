package org.filedock.web.quota;

import java.io.StringReader;
import java.util.OptionalLong;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.filedock.web.security.Roles;

/**
 * {@code PUT /api/users/{user}/quota} with {@code {"quota":456}} (bytes) or {@code {"quota":null}}
 * (back to {@code filedock.quota}): 204; administrators only, 403 for anyone else, and without
 * accounts for everyone (there is no administrator; the shared root's quota is the setting).
 */
@Path("users/{user}/quota")
@RequestScoped
@Tag(name = "quotas")
public class QuotaResource {

    private static final AuthMode MODE = FileDockConfig.fromSystemProperties().auth();
    private static final String FIELD = "quota";

    @EJB
    QuotaAdministration quotas;

    @Context
    SecurityContext security;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's quota in bytes (null: back to the default); administrators only")
    public Response put(@PathParam("user") String user, String body) {
        if (MODE == AuthMode.NONE) {
            return QuotaProblems.of(403, "without accounts there are no administrators: the quota is filedock.quota",
                    "FORBIDDEN");
        }
        if (!security.isUserInRole(Roles.ADMIN)) {
            return QuotaProblems.of(403, "quotas are set by the role " + Roles.ADMIN, "FORBIDDEN");
        }
        OptionalLong quota;
        try {
            quota = parse(body);
        } catch (IllegalArgumentException e) {
            return QuotaProblems.of(400, e.getMessage(), "BAD_REQUEST");
        }
        try {
            quotas.setQuota(user, quota);
            return Response.noContent().build();
        } catch (CommandException e) {
            return QuotaProblems.of(e);
        }
    }

    /** {@code {"quota":<bytes>}} or {@code {"quota":null}}; anything else is refused. */
    static OptionalLong parse(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the body must be a JSON object {\"quota\": <bytes or null>}");
        }
        if (!json.containsKey(FIELD) || json.size() != 1) {
            throw new IllegalArgumentException("the body must be {\"quota\": <bytes or null>} and nothing else");
        }
        JsonValue value = json.get(FIELD);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalLong.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long bytes = number.longValueExact();
                if (bytes >= 0) {
                    return OptionalLong.of(bytes);
                }
            } catch (ArithmeticException e) {
                // too large: refused below
            }
        }
        throw new IllegalArgumentException("quota: a whole number of bytes from 0 to " + Long.MAX_VALUE + ", or null");
    }
}
