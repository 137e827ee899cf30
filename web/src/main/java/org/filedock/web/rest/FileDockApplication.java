package org.filedock.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API lives under {@code /filedock/api}; its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "FileDock", version = "1",
        description = "Server facts and the transfer-rate history of a FileDock server"))
public class FileDockApplication extends Application {
}
