package org.filedock.protocol;

import java.io.IOException;

/** The peer sent something the protocol does not allow (a malformed line or reply). */
public class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
