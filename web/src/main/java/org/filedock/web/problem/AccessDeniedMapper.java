package org.filedock.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.filedock.web.access.AccessDenied;

/** A refusal of the access rules as a 403 problem. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDenied> {

    @Override
    public Response toResponse(AccessDenied e) {
        return Problems.response(Response.Status.FORBIDDEN.getStatusCode(), e.getMessage());
    }
}
