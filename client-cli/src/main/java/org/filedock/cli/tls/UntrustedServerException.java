package org.filedock.cli.tls;

import java.io.IOException;

/** The server's certificate is not trusted; the message says why and what the user can do. */
public class UntrustedServerException extends IOException {

    private static final long serialVersionUID = 1L;

    public UntrustedServerException(String message) {
        super(message);
    }
}
