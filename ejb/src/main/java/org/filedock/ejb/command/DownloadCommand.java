package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.TransferService;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
/**
 * {@code DOWNLOAD <path> [<offset>]}: {@code OK@<size - offset>}, then the payload from the
 * offset; the client answers {@code COMPLETE}.
 */
@Dependent
public class DownloadCommand implements Command {

    static final String NAME = "DOWNLOAD";
    private static final String USAGE = "DOWNLOAD <path> [<offset>]";

    @EJB
    TransferService transfers;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 1, 2, USAGE);
        long offset = request.args().size() == 2 ? Arguments.count(request.arg(1), USAGE) : 0;
        return transfers.download(exchange.session().currentDirectory(), request.arg(0), offset, exchange);
    }
}
