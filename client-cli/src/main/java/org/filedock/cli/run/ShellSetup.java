package org.filedock.cli.run;

import java.nio.file.Path;
import java.util.List;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.shell.Access;
import org.filedock.cli.shell.CommandInterpreter;
import org.filedock.cli.shell.RateLogSwitch;
import org.filedock.cli.shell.RetryPolicy;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellOutput;
import org.filedock.cli.progress.TransferDisplay;
import org.filedock.cli.tls.Fingerprint;
import org.filedock.cli.tls.KnownHosts;
import org.filedock.cli.tls.ServerTrust;
import org.filedock.cli.tls.TrustQuestion;

/**
 * What the command-line options decide for a shell, in either mode.
 *
 * @param start     the connection to open first, or {@code null}
 * @param pinned    the fingerprint from {@code --trust-fingerprint}, or {@code null}
 * @param passwords {@code --password-file} or {@code FILEDOCK_PASSWORD}, or {@link PasswordSource#NONE}
 * @param verify    false for the global {@code --no-verify}: UPLOAD and DOWNLOAD skip the SHA-256 proof
 * @param retries   {@code --retries}: how often a resumable transfer is taken up again after its connection dropped
 * @param resume    false for the global {@code --no-resume}: verified transfers are not resumable by default
 */
public record ShellSetup(ConnectionSettings settings, Path downloadDirectory, Path rateLogDirectory,
                         StartConnection start, Path knownHostsFile, Fingerprint pinned, PasswordSource passwords,
                         boolean verify, int retries, boolean resume) {

    /** A session for these options, writing to {@code output}, showing transfers on {@code transfers}. */
    public Session session(ShellOutput output, TransferDisplay transfers, TrustQuestion question, PasswordSource prompt) {
        Session session = new Session(output, transfers, settings, downloadDirectory, rateLog(), access(question, prompt));
        session.verifyTransfers(verify);
        session.resumeTransfers(resume);
        session.retryPolicy(new RetryPolicy(retries, RetryPolicy.DEFAULT.firstDelay()));
        return session;
    }

    /** Off unless {@code --rate-log} was given; {@code RATELOG on} without a directory uses that one, or the current one. */
    public RateLogSwitch rateLog() {
        RateLogSwitch rateLog = new RateLogSwitch(rateLogDirectory != null ? rateLogDirectory : Path.of("."));
        if (rateLogDirectory != null) {
            rateLog.turnOn(rateLogDirectory);
        }
        return rateLog;
    }

    /**
     * @param question who to ask about a new server ({@link TrustQuestion#NOBODY} in scripts)
     * @param prompt   where to get a password the options did not give
     */
    public Access access(TrustQuestion question, PasswordSource prompt) {
        ServerTrust trust = ServerTrust.withSystemStore(new KnownHosts(knownHostsFile), pinned, question);
        return new Access(trust, passwords.orElse(prompt), prompt);
    }

    /**
     * Runs the start lines (CONNECT, then LOGIN), stopping at the first that fails.
     *
     * @return whether all of them succeeded (also when there are none)
     */
    public boolean runStart(CommandInterpreter interpreter) {
        List<String> lines = start == null ? List.of() : start.lines();
        return lines.stream().allMatch(interpreter::execute);
    }
}
