package org.filedock.web.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;

import org.filedock.api.AuthMode;
import org.filedock.api.FileDockConfig;

/** Makes the {@link Caller} of a request, under the server's {@code filedock.auth} read once at the start. */
@ApplicationScoped
public class AccessPolicy {

    private AuthMode mode;

    @PostConstruct
    void init() {
        mode = FileDockConfig.fromSystemProperties().auth();
    }

    public Caller caller(SecurityContext security) {
        return new Caller(mode, security);
    }
}
