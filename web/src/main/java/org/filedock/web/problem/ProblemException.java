package org.filedock.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A request that cannot be answered, with a detail meant for the client. */
public class ProblemException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final String detail;

    private ProblemException(Response.Status status, String detail) {
        super(detail, status);
        this.detail = detail;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public String detail() {
        return detail;
    }
}
