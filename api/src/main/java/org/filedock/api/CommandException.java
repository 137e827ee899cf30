package org.filedock.api;

import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;

/** A command failed in a way the client is told about: becomes {@code ERR@<code> <message>}. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public CommandException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public Reply toReply() {
        return Reply.error(code, getMessage());
    }
}
