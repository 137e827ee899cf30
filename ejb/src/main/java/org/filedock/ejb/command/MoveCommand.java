package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code MOVE <path> <directory>}: moves a file or directory into a directory, keeping its name. */
@Dependent
public class MoveCommand implements Command {

    static final String NAME = "MOVE";
    private static final String USAGE = "MOVE <path> <directory>";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 2, USAGE);
        files.move(exchange.session().currentDirectory(), request.arg(0), request.arg(1));
        return Reply.ok(request.arg(0) + " moved to " + request.arg(1));
    }
}
