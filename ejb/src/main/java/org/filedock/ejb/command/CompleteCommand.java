package org.filedock.ejb.command;

import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;import org.filedock.protocol.ErrorCode;

/** {@code COMPLETE}: the client's acknowledgement right after a download's payload. */
@Dependent
public class CompleteCommand implements Command {

    static final String NAME = "COMPLETE";
    private static final String USAGE = "COMPLETE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 0, USAGE);
        if (!exchange.session().awaitingDownloadAck()) {
            throw new CommandException(ErrorCode.BAD_REQUEST, "no download to complete");
        }
        exchange.session().awaitDownloadAck(false);
        return Reply.ok("Download complete");
    }
}
