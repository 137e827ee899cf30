package org.filedock.ejb.command;

import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code PWD}: the session's current directory. */
@Dependent
public class PwdCommand implements Command {

    static final String NAME = "PWD";
    private static final String USAGE = "PWD";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 0, USAGE);
        return Reply.ok(exchange.session().currentDirectory());
    }
}
