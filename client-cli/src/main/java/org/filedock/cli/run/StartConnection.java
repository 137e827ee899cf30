package org.filedock.cli.run;

import java.util.ArrayList;
import java.util.List;
import org.filedock.cli.shell.commands.ConnectCommand;
import org.filedock.protocol.Quoting;

/** {@code --host} and what goes with it: the shell lines to run first. */
public record StartConnection(String host, Integer port, boolean tls, String user) {

    /** {@code CONNECT host [port] [--tls]}, then {@code LOGIN user} when a user was given. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("CONNECT " + Quoting.quote(host) + (port == null ? "" : " " + port)
                + (tls ? " " + ConnectCommand.TLS_FLAG : ""));
        if (user != null) {
            lines.add("LOGIN " + Quoting.quote(user));
        }
        return lines;
    }
}
