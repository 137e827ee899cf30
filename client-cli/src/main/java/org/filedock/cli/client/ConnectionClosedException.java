package org.filedock.cli.client;

import java.io.IOException;
import java.util.Optional;
import org.filedock.protocol.Reply;

/** The connection is gone: the server said {@code DISCONNECTED@...}, closed it, or stopped answering. */
public class ConnectionClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    public ConnectionClosedException(String message) {
        super(message);
        this.reply = null;
    }

    public ConnectionClosedException(Reply reply) {
        super("disconnected by server: " + reply.text());
        this.reply = reply;
    }

    /** The server's last words, when it sent any. */
    public Optional<Reply> reply() {
        return Optional.ofNullable(reply);
    }
}
