package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code MKDIR <path>}: creates one directory (no implicit parents). */
@Dependent
public class MkdirCommand implements Command {

    static final String NAME = "MKDIR";
    private static final String USAGE = "MKDIR <path>";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 1, USAGE);
        files.makeDirectory(exchange.session().currentDirectory(), request.arg(0));
        return Reply.ok(request.arg(0) + " created");
    }
}
