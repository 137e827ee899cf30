package org.filedock.cli.shell.commands;

import java.io.IOException;
import org.filedock.cli.client.DigestMismatchException;
import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.client.LocalFileException;
import org.filedock.cli.client.ServerErrorException;
import org.filedock.cli.client.Transferred;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.ErrorText;
import org.filedock.cli.shell.RetryPolicy;
import org.filedock.cli.shell.Session;
import org.filedock.protocol.ErrorCode;

/**
 * Runs a {@code --resume} transfer and, when its connection drops, connects again, logs in again
 * and goes on from where it stopped, as often as the session's {@link RetryPolicy} allows. A
 * refusal by the server, a local file problem or a digest mismatch is not retried: trying again
 * would give the same answer; except {@code BUSY} on a resumed try, which the broken part itself
 * may still cause for a moment.
 */
final class ResumingTransfer {

    @FunctionalInterface
    interface Attempt {
        Transferred run(FileDockClient client) throws IOException;
    }

    private ResumingTransfer() {
    }

    static Transferred run(Session session, boolean resume, Attempt attempt) throws CommandException, IOException {
        RetryPolicy policy = session.retryPolicy();
        int retry = 0;
        while (true) {
            try {
                return attempt.run(session.client());
            } catch (ServerErrorException e) {
                // The server may still be closing the broken part when the next one arrives.
                if (retry == 0 || e.errorCode() != ErrorCode.BUSY || retry >= policy.retries()) {
                    throw e;
                }
                retry++;
                session.output().error(ErrorText.of(e) + "; resuming, try " + retry + " of " + policy.retries());
                pause(policy, retry);
            } catch (LocalFileException | DigestMismatchException e) {
                throw e;
            } catch (IOException e) {
                if (!resume || session.isConnected() || retry >= policy.retries()) {
                    throw e;
                }
                retry++;
                session.output().error("connection lost (" + ErrorText.of(e) + "); resuming, try " + retry + " of "
                        + policy.retries());
                retry = reconnect(session, policy, retry);
            }
        }
    }

    /** Waits and connects again, counting failed connections as tries; returns the tries used. */
    private static int reconnect(Session session, RetryPolicy policy, int retry) throws CommandException, IOException {
        int used = retry;
        while (true) {
            pause(policy, used);
            try {
                session.reconnect();
                return used;
            } catch (ServerErrorException e) {
                throw e;
            } catch (IOException e) {
                if (used >= policy.retries()) {
                    throw e;
                }
                used++;
                session.output().error("cannot connect again (" + ErrorText.of(e) + "); try " + used + " of "
                        + policy.retries());
            }
        }
    }

    private static void pause(RetryPolicy policy, int attempt) throws CommandException {
        try {
            Thread.sleep(policy.delayBefore(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting to resume");
        }
    }
}
