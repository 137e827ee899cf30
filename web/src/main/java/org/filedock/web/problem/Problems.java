package org.filedock.web.problem;

import jakarta.ws.rs.core.Response;

/** Builds the response that carries a {@link Problem}. */
final class Problems {

    private Problems() {
    }

    static Response response(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(status, title, detail))
                .build();
    }
}
