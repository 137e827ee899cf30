package org.filedock.ejb.command;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Numbers;
import org.filedock.protocol.Request;

/** Argument checks shared by the commands; failures are {@code BAD_REQUEST usage: ...}. */
final class Arguments {

    private Arguments() {
    }

    static void expect(Request request, int count, String usage) throws CommandException {
        expect(request, count, count, usage);
    }

    static void expect(Request request, int min, int max, String usage) throws CommandException {
        int n = request.args().size();
        if (n < min || n > max) {
            throw usage(usage);
        }
    }

    static long count(String text, String usage) throws CommandException {
        try {
            return Numbers.parseCount(text);
        } catch (NumberFormatException e) {
            throw usage(usage);
        }
    }

    private static CommandException usage(String usage) {
        return new CommandException(ErrorCode.BAD_REQUEST, "usage: " + usage);
    }
}
