package org.filedock.cli.shell;

/** A command cannot be carried out; the message says why, in words for the user. */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }
}
