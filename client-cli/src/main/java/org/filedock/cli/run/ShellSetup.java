package org.filedock.cli.run;

import java.nio.file.Path;
import java.util.Optional;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.protocol.Quoting;

/** What the command-line options decide for a shell, in either mode. */
public record ShellSetup(ConnectionSettings settings, Path downloadDirectory, String host, int port) {

    /** The CONNECT line to run first, when a host was given on the command line. */
    public Optional<String> connectLine() {
        return host == null ? Optional.empty() : Optional.of("CONNECT " + Quoting.quote(host) + " " + port);
    }
}
