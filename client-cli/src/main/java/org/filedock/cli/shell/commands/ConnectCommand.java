package org.filedock.cli.shell.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.client.ServerErrorException;
import org.filedock.cli.shell.CommandException;
import org.filedock.cli.shell.CommandSpec;
import org.filedock.cli.shell.ErrorText;
import org.filedock.cli.shell.Session;
import org.filedock.cli.shell.ShellCommand;
import org.filedock.protocol.Numbers;
import org.filedock.protocol.Protocol;

/** {@code CONNECT host [port] [--tls]}: opens a session and shows the server's greeting. */
public final class ConnectCommand implements ShellCommand {

    public static final String TLS_FLAG = "--tls";

    private static final CommandSpec SPEC = new CommandSpec("CONNECT", List.of(), "host [port] [--tls]",
            "connect to a server (default port " + Protocol.DEFAULT_PORT + "; " + FileDockClient.DEFAULT_TLS_PORT
                    + " with --tls)", 1, 3, false);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Session session, List<String> args) throws CommandException, IOException {
        if (session.isConnected()) {
            throw new CommandException("Disconnect from current server before connecting to new server");
        }
        session.detach();
        Address to = Address.of(args);
        FileDockClient client;
        try {
            client = to.tls() ? FileDockClient.connectTls(to.host(), to.port(), session.settings(), session.access().trust())
                    : FileDockClient.connect(to.host(), to.port(), session.settings());
        } catch (ServerErrorException e) {
            throw e;
        } catch (IOException e) {
            throw new CommandException("cannot connect to " + to.host() + ":" + to.port() + ": " + ErrorText.of(e));
        }
        session.attach(client, to.host(), to.port(), to.tls());
        session.output().message(client.greeting());
    }

    /** Where CONNECT goes: the host and port, over TLS or not. */
    record Address(String host, int port, boolean tls) {

        /** From {@code host [port] [--tls]}, the flag anywhere; the default port depends on it. */
        static Address of(List<String> args) throws CommandException {
            List<String> operands = new ArrayList<>(args);
            boolean tls = operands.removeIf(arg -> arg.toLowerCase(Locale.ROOT).equals(TLS_FLAG));
            if (operands.isEmpty() || operands.size() > 2) {
                throw new CommandException("usage: CONNECT " + SPEC.arguments());
            }
            int port = operands.size() > 1 ? parsePort(operands.get(1))
                    : tls ? FileDockClient.DEFAULT_TLS_PORT : Protocol.DEFAULT_PORT;
            return new Address(operands.get(0), port, tls);
        }
    }

    static int parsePort(String text) throws CommandException {
        try {
            long port = Numbers.parseCount(text);
            if (port >= 1 && port <= 65535) {
                return (int) port;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw new CommandException("invalid port: " + text + " (1-65535)");
    }
}
