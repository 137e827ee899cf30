package org.filedock.cli.run;

import java.io.UncheckedIOException;
import java.util.Iterator;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.progress.PlainProgressDisplay;
import org.filedock.cli.shell.CommandInterpreter;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.StreamOutput;
import org.filedock.cli.shell.commands.StandardCommands;
import org.filedock.cli.tls.TrustQuestion;

/**
 * Runs commands from a script, one per line, with plain output. A failed command does not stop
 * the script (like {@code sh} without {@code -e}); only EXIT does. At the end of the input a
 * session that is still open is disconnected. Nobody is asked anything: an unknown TLS server is
 * refused, and LOGIN takes its password from the options or the environment.
 */
public final class ScriptMode {

    public static final int SUCCESS = 0;
    public static final int SOME_COMMAND_FAILED = 1;

    private ScriptMode() {
    }

    /** @return {@link #SUCCESS} when every command succeeded, else {@link #SOME_COMMAND_FAILED} */
    public static int run(ShellSetup setup, CliEnvironment env, Iterator<String> lines) {
        Session session = setup.session(new StreamOutput(env.out(), env.err()), new PlainProgressDisplay(env.err()),
                TrustQuestion.NOBODY, PasswordSource.NONE);
        CommandInterpreter interpreter = new CommandInterpreter(StandardCommands.registry(), session);
        boolean allSucceeded = setup.runStart(interpreter);
        try {
            while (!session.exitRequested() && lines.hasNext()) {
                String line = lines.next().strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    allSucceeded &= interpreter.execute(line);
                }
            }
        } catch (UncheckedIOException e) {
            session.output().error("cannot read the script: " + e.getCause().getMessage());
            allSucceeded = false;
        } finally {
            session.disconnectIfConnected();
        }
        return allSucceeded ? SUCCESS : SOME_COMMAND_FAILED;
    }
}
