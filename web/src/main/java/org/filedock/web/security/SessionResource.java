package org.filedock.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.filedock.api.AuthMode;
import org.filedock.api.FileDockConfig;
import org.filedock.web.problem.Problem;
import org.filedock.web.problem.ProblemException;

/**
 * {@code /api/session}: the web page's login ({@code POST}), who is logged in ({@code GET}) and
 * the logout ({@code DELETE}). {@link AccessFilter} lets only the login through unauthenticated.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "The web page's login, with filedock.auth=required")
public class SessionResource {

    /** What the page posts. */
    public record LoginForm(String user, String password) {
        @Override
        public String toString() {
            return "LoginForm[user=" + user + "]";
        }
    }

    /** Who the caller is. */
    public record Caller(String user, boolean admin) {
    }

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Inject
    RealmLogin realm;

    @GET
    @Operation(summary = "The caller: user name and whether an administrator")
    public Caller get() {
        requireAccounts();
        return new Caller(security.getUserPrincipal().getName(), security.isUserInRole(Roles.ADMIN));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in: starts a new session (cookie HttpOnly, Secure, SameSite=Strict)",
            description = "Needs the header X-Requested-With. A wrong user or password: 401.")
    public Response login(LoginForm form) {
        requireAccounts();
        if (form == null || form.user() == null || form.user().isBlank() || form.password() == null) {
            throw ProblemException.badRequest("a JSON object with user and password is required");
        }
        HttpSession earlier = request.getSession(false);
        if (earlier != null) {
            earlier.invalidate();
        }
        if (!realm.login(request, form.user(), form.password())) {
            return Response.status(401)
                    .header("WWW-Authenticate", AccessFilter.challenge(true))
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(401, "invalid user or password"))
                    .build();
        }
        // the container caches the login in a new session (a new id: the earlier one is gone)
        request.getSession(true);
        return Response.ok(new Caller(request.getUserPrincipal().getName(), request.isUserInRole(Roles.ADMIN)))
                .build();
    }

    @DELETE
    @Operation(summary = "Log out: ends the session")
    public Response logout() throws ServletException {
        requireAccounts();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    private static void requireAccounts() {
        if (FileDockConfig.fromSystemProperties().auth() != AuthMode.REQUIRED) {
            throw ProblemException.notFound("this server runs without accounts (filedock.auth=none)");
        }
    }
}
