package org.filedock.ejb.command;

import java.io.IOException;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.DirEntry;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code DIR [<path>]}: {@code OK@<n>}, then one line per entry. */
@Dependent
public class DirCommand implements Command {

    static final String NAME = "DIR";
    private static final String USAGE = "DIR [<path>]";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 0, 1, USAGE);
        String path = request.args().isEmpty() ? "." : request.arg(0);
        List<DirEntry> entries = files.list(exchange.session().currentDirectory(), path);
        try {
            exchange.send(Reply.ok(Integer.toString(entries.size())),
                    entries.stream().map(DirEntry::toLine).toList());
        } catch (IOException e) {
            exchange.abort();
        }
        return null;
    }
}
