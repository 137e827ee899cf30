package org.filedock.web.problem;

import jakarta.ws.rs.core.Response;

/** Builds the response that carries a {@link Problem}. */
final class Problems {

    private Problems() {
    }

    static Response response(int status, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, detail))
                .build();
    }
}
