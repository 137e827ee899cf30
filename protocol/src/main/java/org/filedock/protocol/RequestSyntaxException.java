package org.filedock.protocol;

/** A request line could not be split into a command word and arguments (bad quoting). */
public class RequestSyntaxException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public RequestSyntaxException(String message) {
        super(message);
    }
}
