package org.filedock.ejb.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;

/** Asserts that a call fails with a given protocol error. Shared by the ejb unit tests. */
public final class CommandAssertions {

    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private CommandAssertions() {
    }

    public static CommandException assertFails(ErrorCode expected, Call call) {
        try {
            call.run();
        } catch (CommandException e) {
            assertEquals(expected, e.code(), () -> "wrong code, message: " + e.getMessage());
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected " + expected + " but got " + e, e);
        }
        return fail("expected " + expected + " but the call succeeded");
    }

    public static CommandException assertFails(ErrorCode expected, String message, Call call) {
        CommandException e = assertFails(expected, call);
        assertEquals(message, e.getMessage());
        return e;
    }
}
