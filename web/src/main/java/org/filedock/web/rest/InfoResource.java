package org.filedock.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.filedock.web.info.ServerInfo;
import org.filedock.web.info.ServerInfoService;
import org.filedock.web.security.Roles;

/**
 * {@code GET /api/info}: version, where the protocol listens, storage root, sessions, uptime. With
 * accounts (then only for a logged-in caller) the storage root is shown to administrators only.
 */
@Path("info")
@RequestScoped
public class InfoResource {

    @Inject
    ServerInfoService info;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ServerInfo get() {
        ServerInfo current = info.current();
        boolean anonymous = security.getUserPrincipal() == null;
        return anonymous || security.isUserInRole(Roles.ADMIN) ? current : current.withoutStorageRoot();
    }
}
