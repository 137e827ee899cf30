package org.filedock.web.problem;

import java.io.IOException;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;

/** A {@link Problem} body written by a servlet filter, where no JAX-RS exception mapper runs. */
public final class ServletProblems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ServletProblems() {
    }

    public static void send(HttpServletResponse response, int status, String detail) throws IOException {
        send(response, status, detail, null);
    }

    /** @param code the protocol's error code, or null */
    public static void send(HttpServletResponse response, int status, String detail, String code) throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.toJson(Problem.of(status, detail, code)));
    }
}
