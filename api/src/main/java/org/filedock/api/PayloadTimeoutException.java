package org.filedock.api;

import java.io.InterruptedIOException;

/** No payload byte arrived within the payload timeout. */
public class PayloadTimeoutException extends InterruptedIOException {

    private static final long serialVersionUID = 1L;

    public PayloadTimeoutException(String message) {
        super(message);
    }
}
