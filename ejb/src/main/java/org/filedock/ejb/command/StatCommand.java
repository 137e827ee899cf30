package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code STAT <path>}: {@code OK@<type> <size> <mtime> <name>}, one entry as {@code DIR} lists it. */
@Dependent
public class StatCommand implements Command {

    static final String NAME = "STAT";
    private static final String USAGE = "STAT <path>";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 1, USAGE);
        return Reply.ok(files.stat(exchange.session().currentDirectory(), request.arg(0)).toLine());
    }
}
