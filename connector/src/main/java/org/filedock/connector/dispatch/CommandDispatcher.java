package org.filedock.connector.dispatch;

import org.filedock.api.Exchange;
import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/** Hands one command to whoever executes it and returns the final reply. */
public interface CommandDispatcher {

    Reply dispatch(Request request, Exchange exchange);
}
