package org.filedock.cli.shell;

import java.net.UnknownHostException;
import org.filedock.cli.client.ServerErrorException;
import org.filedock.protocol.ErrorCode;

/** Words for a failure, shown after {@code error: }. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(Exception failure) {
        if (failure instanceof ServerErrorException serverError) {
            return serverError.errorCode() == ErrorCode.AUTH_REQUIRED
                    ? serverError.getMessage() + " (use LOGIN user)" : serverError.getMessage();
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host: " + failure.getMessage();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
