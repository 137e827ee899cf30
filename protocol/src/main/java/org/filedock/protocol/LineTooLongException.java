package org.filedock.protocol;

/** A line did not end within the allowed number of bytes. */
public class LineTooLongException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public LineTooLongException(int limit) {
        super("line too long (limit " + limit + " bytes)");
    }
}
