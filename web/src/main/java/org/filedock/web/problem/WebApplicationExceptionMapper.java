package org.filedock.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every HTTP error answered as a problem body: ours with their own detail, the JAX-RS runtime's
 * (no such resource, method not allowed, nothing acceptable) with a plain one.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public jakarta.ws.rs.core.Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = e instanceof ProblemException problem ? problem.detail() : runtimeDetail(status);
        return Problems.response(status, detail);
    }

    private String runtimeDetail(int status) {
        String path = uri.getRequestUri().getRawPath();
        return switch (status) {
            case 404 -> "no resource at " + path;
            case 405 -> "method not allowed on " + path;
            case 406 -> "none of the accepted media types can be produced for " + path;
            case 415 -> "unsupported media type for " + path;
            default -> "the request to " + path + " failed";
        };
    }
}
