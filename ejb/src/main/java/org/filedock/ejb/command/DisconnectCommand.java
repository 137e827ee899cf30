package org.filedock.ejb.command;

import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code DISCONNECT}: says goodbye; the adapter then closes the connection. */
@Dependent
public class DisconnectCommand implements Command {

    static final String NAME = "DISCONNECT";
    private static final String USAGE = "DISCONNECT";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 0, USAGE);
        return Reply.disconnected("Goodbye");
    }
}
