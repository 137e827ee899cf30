package org.filedock.cli.client;

import java.io.IOException;

/**
 * A local file or directory cannot be used for a transfer. Thrown before anything is sent, so
 * the session stays usable.
 */
public class LocalFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public LocalFileException(String message) {
        super(message);
    }

    public LocalFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
