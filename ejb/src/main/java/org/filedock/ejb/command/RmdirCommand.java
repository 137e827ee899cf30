package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code RMDIR <path>}: removes an empty directory. */
@Dependent
public class RmdirCommand implements Command {

    static final String NAME = "RMDIR";
    private static final String USAGE = "RMDIR <path>";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 1, USAGE);
        files.removeDirectory(exchange.session().currentDirectory(), request.arg(0));
        return Reply.ok(request.arg(0) + " deleted");
    }
}
