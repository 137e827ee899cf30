package org.filedock.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /filedock/api}. */
@ApplicationPath("api")
public class FileDockApplication extends Application {
}
