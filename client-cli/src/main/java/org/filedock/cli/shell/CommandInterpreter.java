package org.filedock.cli.shell;

import java.io.IOException;
import java.util.Optional;
import org.filedock.cli.client.ConnectionClosedException;
import org.filedock.protocol.RequestSyntaxException;

/** Runs one shell line: splits it, finds the command, checks it can run, runs it and reports failures. */
public final class CommandInterpreter {

    private final CommandRegistry registry;
    private final Session session;

    public CommandInterpreter(CommandRegistry registry, Session session) {
        this.registry = registry;
        this.session = session;
    }

    /** @return whether the line succeeded; a line with no command counts as success */
    public boolean execute(String line) {
        Optional<ShellLine> parsed;
        try {
            parsed = ShellLine.parse(line);
        } catch (RequestSyntaxException e) {
            session.output().error("cannot read the command: " + e.getMessage());
            return false;
        }
        return parsed.map(this::execute).orElse(true);
    }

    private boolean execute(ShellLine line) {
        Optional<ShellCommand> found = registry.find(line.word());
        if (found.isEmpty()) {
            session.output().error("unknown command: " + line.word() + " (type HELP for the list)");
            return false;
        }
        ShellCommand command = found.get();
        CommandSpec spec = command.spec();
        if (!spec.accepts(line.args().size())) {
            session.output().error("usage: " + spec.usage());
            return false;
        }
        if (spec.needsConnection() && !session.isConnected()) {
            session.output().error(Session.NOT_CONNECTED);
            return false;
        }
        return run(command, line);
    }

    private boolean run(ShellCommand command, ShellLine line) {
        boolean wasConnected = session.isConnected();
        try {
            command.run(session, line.args());
            return true;
        } catch (CommandException e) {
            session.output().error(e.getMessage());
        } catch (ConnectionClosedException e) {
            session.output().error(ErrorText.of(e));
        } catch (IOException | RuntimeException e) {
            boolean lost = wasConnected && !session.isConnected();
            session.output().error(ErrorText.of(e) + (lost ? " (disconnected)" : ""));
        }
        if (wasConnected && !session.isConnected()) {
            session.detach();
        }
        return false;
    }
}
