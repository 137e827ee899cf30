package org.filedock.web.share;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filedock.api.CommandException;
import org.filedock.api.history.TransferChannel;
import org.filedock.api.share.CreatedShare;
import org.filedock.api.share.ShareLink;
import org.filedock.api.share.ShareLinks;
import org.filedock.web.files.WebSession;
import org.filedock.web.files.ErrorStatus;
import org.filedock.web.problem.Problem;

/**
 * {@code /api/shares} (contract §14): make a share link to one of the caller's files, list the
 * caller's links, revoke one. Access (HTTPS, authentication, the cross-site rules) is the
 * {@code AccessFilter}'s, as for the rest of the API; refusals carry the protocol's code.
 */
@Path("shares")
@RequestScoped
@Tag(name = "shares", description = "Links that let anyone holding them download one file")
public class SharesResource {

    @EJB
    ShareLinks links;

    @Context
    HttpServletRequest request;

    /** {@code {"path":"/docs/a.pdf","expiresAt":"<instant>","password":"optional"}} */
    public static class NewShare {
        public String path;
        public String expiresAt;
        public String password;
    }

    /** {@code {"items":[...]}}: the caller's links, newest first. */
    public record ShareList(List<ShareLink> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a share link to a file",
            description = "201 with {token, url, expiresAt, id, path}; the token and URL are shown only now.")
    public Response create(NewShare share) {
        if (share == null || share.path == null || share.path.isEmpty() || share.expiresAt == null) {
            return problem(400, "expected {\"path\":\"/dir/file\",\"expiresAt\":\"<ISO-8601 instant>\"}", "BAD_REQUEST");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(share.expiresAt);
        } catch (DateTimeParseException e) {
            return problem(400, "expiresAt is no ISO-8601 instant (e.g. 2026-12-31T12:00:00Z): " + share.expiresAt,
                    "BAD_REQUEST");
        }
        char[] password = share.password == null ? null : share.password.toCharArray();
        try {
            CreatedShare created = links.create(share.path, expiresAt, password, baseUrl(), new WebSession(request, TransferChannel.HTTP));
            return Response.status(Response.Status.CREATED).entity(created).build();
        } catch (CommandException e) {
            return problem(e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's share links", description = "Without tokens: only their hashes (ids) are kept.")
    public Response list() {
        try {
            return Response.ok(new ShareList(links.mine())).header("Cache-Control", "no-store").build();
        } catch (CommandException e) {
            return problem(e);
        }
    }

    @DELETE
    @Path("{token}")
    @Operation(summary = "Revoke a share link", description = "By its token or its id; only its owner or an administrator.")
    public Response revoke(@PathParam("token") String token) {
        try {
            links.revoke(token, new WebSession(request, TransferChannel.HTTP));
            return Response.noContent().build();
        } catch (CommandException e) {
            return problem(e);
        }
    }

    /** This request's own origin and context: {@code http://host:port/filedock}. */
    private String baseUrl() {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    private static Response problem(CommandException e) {
        return problem(ErrorStatus.of(e.code().name()), e.getMessage(), e.code().name());
    }

    private static Response problem(int status, String detail, String code) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, detail, code)).build();
    }
}
