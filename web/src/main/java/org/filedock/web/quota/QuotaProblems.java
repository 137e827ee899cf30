package org.filedock.web.quota;

import jakarta.ws.rs.core.Response;

import org.filedock.api.CommandException;
import org.filedock.web.problem.Problem;

/**
 * The refusals of the usage and quota resources as problem bodies with the protocol's code
 * (contract §14), in the form the file API answers its own.
 */
final class QuotaProblems {

    private QuotaProblems() {
    }

    static Response of(CommandException e) {
        return of(statusOf(e.code().name()), e.getMessage(), e.code().name());
    }

    static Response of(int status, String detail, String code) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, detail, code)).build();
    }

    private static int statusOf(String code) {
        return switch (code) {
            case "BAD_REQUEST" -> 400;
            case "FORBIDDEN" -> 403;
            case "QUOTA", "NO_SPACE" -> 507;
            default -> 500;
        };
    }
}
