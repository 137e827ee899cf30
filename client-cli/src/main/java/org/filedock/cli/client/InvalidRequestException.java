package org.filedock.cli.client;

import java.io.IOException;

/** A request that cannot be put on the wire (too long, or a line break in an argument); nothing was sent. */
public class InvalidRequestException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
