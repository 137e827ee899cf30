package org.filedock.cli.client;

import javax.net.ssl.SSLException;

/** The TLS handshake failed: no common protocol, a plaintext port, a broken certificate, ... */
public class TlsHandshakeException extends ConnectionClosedException {

    private static final long serialVersionUID = 1L;

    TlsHandshakeException(SSLException cause) {
        super("TLS handshake failed: " + cause.getMessage() + " (is it the server's TLS port?)");
        initCause(cause);
    }
}
