package org.filedock.web.access;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;

import jakarta.ws.rs.core.SecurityContext;

import org.filedock.api.AuthMode;

/**
 * Who is asking, and what of the history and the audit trail they may see: the one place where
 * the REST API decides access. Without accounts ({@code filedock.auth=none}) everything is open.
 * With accounts, an administrator (role {@value #ADMINISTRATOR}) sees every transfer and the audit
 * trail; any other caller sees only their own transfers and no audit trail; a caller the HTTP
 * authentication did not identify sees nothing.
 */
public final class Caller {

    public static final String ADMINISTRATOR = "filedock-admin";

    private final AuthMode mode;
    private final SecurityContext security;

    public Caller(AuthMode mode, SecurityContext security) {
        this.mode = mode;
        this.security = security;
    }

    /** Whose transfers the caller sees: empty for everyone's. */
    public Optional<String> transfersOf() {
        if (mode == AuthMode.NONE || security.isUserInRole(ADMINISTRATOR)) {
            return Optional.empty();
        }
        return Optional.of(name());
    }

    /**
     * The user filter of a transfer query: what was asked for, or for a caller who sees only their
     * own, their name (asking for someone else's is denied).
     */
    public String transferFilter(String requestedUser) {
        Optional<String> own = transfersOf();
        if (own.isEmpty()) {
            return requestedUser;
        }
        if (requestedUser != null && !requestedUser.equals(own.get())) {
            throw new AccessDenied("only the role " + ADMINISTRATOR + " may see the transfers of other users");
        }
        return own.get();
    }

    /** Whether the caller may see a transfer of {@code owner} (null: made without accounts). */
    public boolean maySee(String owner) {
        return transfersOf().map(own -> Objects.equals(own, owner)).orElse(true);
    }

    public void requireAdministrator() {
        if (mode != AuthMode.NONE && !security.isUserInRole(ADMINISTRATOR)) {
            name(); // the unidentified are told so
            throw new AccessDenied("the audit trail is for the role " + ADMINISTRATOR);
        }
    }

    private String name() {
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            throw new AccessDenied("not signed in");
        }
        return principal.getName();
    }
}
