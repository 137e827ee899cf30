package org.filedock.ejb.command;

import org.filedock.api.CommandException;
import org.filedock.api.Exchange;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** One protocol command. Implementations are CDI beans, found by {@link CommandRegistry}. */
public interface Command {

    /** The command word, upper case. */
    String name();

    /** @return the final reply, or {@code null} when the command already sent everything */
    Reply execute(Request request, Exchange exchange) throws CommandException;
}
