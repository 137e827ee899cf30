package org.filedock.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.filedock.web.info.ServerInfo;
import org.filedock.web.info.ServerInfoService;

/** {@code GET /api/info}: version, where the protocol listens, storage root, sessions, uptime. */
@Path("info")
@RequestScoped
public class InfoResource {

    @Inject
    ServerInfoService info;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ServerInfo get() {
        return info.current();
    }
}
