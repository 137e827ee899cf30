package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.integrity.IntegrityService;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** {@code HASH <path>}: {@code OK@sha256 <64 lowercase hex digits>}. */
@Dependent
public class HashCommand implements Command {

    static final String NAME = "HASH";
    private static final String USAGE = "HASH <path>";

    @EJB
    IntegrityService integrity;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 1, USAGE);
        return Reply.ok("sha256 " + integrity.hash(exchange.session().currentDirectory(), request.arg(0)));
    }
}
