package org.filedock.ejb.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.ejb.service.TransferService;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;
/**
 * {@code UPLOAD <path> <size> [resume] [sha256=<hex>]}: {@code OK@Ready} ({@code OK@Ready <offset>}
 * when resumable), the payload (the rest after the offset), then {@code OK@File uploaded}.
 */
@Dependent
public class UploadCommand implements Command {

    static final String NAME = "UPLOAD";
    private static final String USAGE = "UPLOAD <path> <size> [resume] [sha256=<hex>]";

    @EJB
    TransferService transfers;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reply execute(Request request, Exchange exchange) throws CommandException {
        Arguments.expect(request, 2, 4, USAGE);
        long size = Arguments.count(request.arg(1), USAGE);
        UploadOptions options = UploadOptions.parse(request.args().subList(2, request.args().size()), USAGE);
        return transfers.upload(exchange.session().currentDirectory(), request.arg(0), size, options.resume(), options.sha256(),
                exchange);
    }
}
