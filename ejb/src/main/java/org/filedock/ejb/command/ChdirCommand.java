package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code CHDIR <path>}: changes the session's current directory. */
@Dependent
public class ChdirCommand implements Command {

    static final String NAME = "CHDIR";
    private static final String USAGE = "CHDIR <path>";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 1, USAGE);
        String directory = files.directory(exchange.session().currentDirectory(), request.arg(0));
        exchange.session().changeDirectory(directory);
        return Reply.ok("Directory changed to " + directory);
    }
}
