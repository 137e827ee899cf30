package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code DELETE <path>}: deletes a file. */
@Dependent
public class DeleteCommand implements Command {

    static final String NAME = "DELETE";
    private static final String USAGE = "DELETE <path>";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 1, USAGE);
        files.deleteFile(exchange.session().currentDirectory(), request.arg(0));
        return Reply.ok("File deleted");
    }
}
