package org.filedock.protocol;

/** A complete line arrived but is not valid UTF-8; the line was consumed, the stream stays usable. */
public class MalformedLineException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public MalformedLineException(String message) {
        super(message);
    }
}
