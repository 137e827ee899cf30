package org.filedock.web.security;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Cross-site request forgery: a request that changes something must come from the page's own
 * origin. The session cookie is {@code SameSite=Strict} already; on top of that, a state-changing
 * request with a foreign {@code Origin} (or {@code Sec-Fetch-Site: cross-site}) is refused, and one
 * authenticated by the session cookie must carry {@value #PROOF_HEADER}: a custom header that a
 * cross-origin page can only send after a CORS preflight, which this server never grants.
 */
final class SameOrigin {

    /** The header the page sends with every request (any non-empty value). */
    static final String PROOF_HEADER = "X-Requested-With";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private SameOrigin() {
    }

    static boolean changesState(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    /** Whether the page's proof header is present; it also marks a request as the page's own. */
    static boolean hasProof(HttpServletRequest request) {
        String value = request.getHeader(PROOF_HEADER);
        return value != null && !value.isBlank();
    }

    /** Whether the browser says the request comes from another site or origin. */
    static boolean isForeign(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin(request))) {
            return true;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
    }

    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
