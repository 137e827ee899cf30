package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.api.quota.Usage;
import org.filedock.ejb.service.FileOperations;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code USAGE}: {@code OK@<used> <quota>}, the quota {@code unlimited} when there is none (contract §13). */
@Dependent
public class UsageCommand implements Command {

    static final String NAME = "USAGE";
    private static final String USAGE = "USAGE";

    @EJB
    FileOperations files;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 0, USAGE);
        Usage usage = files.usage();
        return Reply.ok(usage.used() + " " + (usage.quota().isPresent() ? usage.quota().getAsLong() : "unlimited"));
    }
}
