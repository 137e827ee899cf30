package org.filedock.cli.client;

import java.io.IOException;
import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;

/** The server answered {@code ERR@<CODE> <text>}. Unless the code says otherwise, the session is still usable. */
public class ServerErrorException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    public ServerErrorException(Reply reply) {
        super(reply.text().isEmpty() ? reply.code() : reply.code() + " " + reply.text());
        if (!reply.isError()) {
            throw new IllegalArgumentException("not an error reply: " + reply);
        }
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }

    /** The code as sent, also when this client does not know it. */
    public String code() {
        return reply.code();
    }

    /** The code as a constant, or {@code null} for a code newer than this client. */
    public ErrorCode errorCode() {
        return reply.errorCode();
    }
}
