package org.filedock.web.security;

import java.io.IOException;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.filedock.api.AuthMode;
import org.filedock.api.FileDockConfig;
import org.filedock.web.problem.ServletProblems;

/**
 * Who may use the web part, decided at run time by {@code filedock.auth} (a web.xml security
 * constraint could not be switched off). With {@code none} every request passes untouched. With
 * {@code required}: HTTPS only; the page's files are public (they hold no data); every request
 * under {@code /api} but the login ({@code POST /api/session}) must be authenticated, by HTTP Basic
 * or by the session the page's login started; and a state-changing request must prove it comes
 * from the page's own origin ({@link SameOrigin}).
 */
@WebFilter(filterName = "FileDockAccess", urlPatterns = "/*")
public class AccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String API = "/api";
    static final String LOGIN = "/api/session";
    private static final String REALM = "FileDock";

    private final boolean required = FileDockConfig.fromSystemProperties().auth() == AuthMode.REQUIRED;

    @Inject
    RealmLogin realm;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!required) {
            chain.doFilter(request, response);
            return;
        }
        // decoded and normalised, as the container maps it to a servlet (the raw URI could hide
        // "/api" as "/%61pi")
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        boolean api = path.equals(API) || path.startsWith(API + "/");
        if (!request.isSecure()) {
            refusePlainHttp(request, response, api);
        } else if (!api) {
            chain.doFilter(request, response);
        } else if (SameOrigin.changesState(request) && SameOrigin.isForeign(request)) {
            ServletProblems.send(response, 403, "cross-site request refused: "
                    + "a state-changing request must come from the page's own origin");
        } else {
            authenticate(request, response, chain, path);
        }
    }

    private void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String path) throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (BasicCredentials.isBasic(authorization)) {
            BasicCredentials credentials = BasicCredentials.parse(authorization).orElse(null);
            if (credentials == null) {
                challenge(request, response, "malformed Basic credentials");
            } else if (!realm.login(request, credentials.user(), credentials.password())) {
                challenge(request, response, "invalid user or password");
            } else {
                try {
                    chain.doFilter(request, response);
                } finally {
                    forgetBasicLogin(request);
                }
            }
        } else if (request.getUserPrincipal() != null) {
            // the page's session: Elytron caches a programmatic login in the HTTP session and
            // restores it for the session's later requests
            if (SameOrigin.changesState(request) && !SameOrigin.hasProof(request)) {
                ServletProblems.send(response, 403, "a state-changing request of the page's session must carry the "
                        + SameOrigin.PROOF_HEADER + " header");
            } else {
                chain.doFilter(request, response);
            }
        } else if (path.equals(LOGIN) && "POST".equals(request.getMethod())) {
            if (SameOrigin.hasProof(request)) {
                chain.doFilter(request, response);
            } else {
                ServletProblems.send(response, 403, "the login must carry the " + SameOrigin.PROOF_HEADER + " header");
            }
        } else {
            challenge(request, response, "log in first: HTTP Basic, or POST /filedock/api/session");
        }
    }

    /**
     * Basic is checked on each request and leaves no session behind: the session the container
     * opened to cache the login in (and a page's session sent along, logged out by the login) ends.
     */
    private static void forgetBasicLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing left to end
            }
        }
    }

    /**
     * A 401. The page (which sends {@link SameOrigin#PROOF_HEADER}) gets a challenge of a scheme of
     * its own, so that the browser does not open its Basic dialog over the page's login form.
     */
    private static void challenge(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge(SameOrigin.hasProof(request)));
        ServletProblems.send(response, 401, detail);
    }

    /** The {@code WWW-Authenticate} value: Basic, or for the page a scheme no browser answers itself. */
    static String challenge(boolean page) {
        return (page ? "FileDock-Session" : BasicCredentials.SCHEME) + " realm=\"" + REALM + "\", charset=\"UTF-8\"";
    }

    /**
     * No password may cross in clear text: the API refuses plain HTTP (a client that sent Basic
     * credentials learns at once that it must not); the page is sent to its HTTPS address.
     */
    private static void refusePlainHttp(HttpServletRequest request, HttpServletResponse response, boolean api)
            throws IOException {
        if (api) {
            ServletProblems.send(response, 403, "HTTPS required: use https://" + request.getServerName() + ":"
                    + HttpsPort.get() + request.getRequestURI());
            return;
        }
        String query = request.getQueryString();
        response.sendRedirect("https://" + request.getServerName() + ":" + HttpsPort.get()
                + request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
