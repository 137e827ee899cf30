package org.filedock.api;

import org.filedock.protocol.Reply;
import org.filedock.protocol.Request;

/**
 * The resource adapter's message listener type: message-driven beans that implement it receive
 * one call per protocol command. The adapter owns the socket and the session; the bean sees one
 * command at a time, talks to the client through the {@link Exchange} while it runs, and returns
 * the final reply, which the adapter sends, or {@code null} when the command has already sent
 * all it had to say (a download ends with its payload).
 *
 * <p>Lives in the EAR's {@code lib/} so that the adapter and the EJB module load it once.</p>
 */
public interface CommandListener {

    Reply onCommand(Request request, Exchange exchange);
}
