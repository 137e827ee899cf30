package org.filedock.cli.run;

import java.nio.file.Path;
import java.util.Optional;
import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.shell.RateLogSwitch;
import org.filedock.protocol.Quoting;

/** What the command-line options decide for a shell, in either mode. */
public record ShellSetup(ConnectionSettings settings, Path downloadDirectory, Path rateLogDirectory, String host,
                         int port) {

    /** Off unless {@code --rate-log} was given; {@code RATELOG on} without a directory uses that one, or the current one. */
    public RateLogSwitch rateLog() {
        RateLogSwitch rateLog = new RateLogSwitch(rateLogDirectory != null ? rateLogDirectory : Path.of("."));
        if (rateLogDirectory != null) {
            rateLog.turnOn(rateLogDirectory);
        }
        return rateLog;
    }

    /** The CONNECT line to run first, when a host was given on the command line. */
    public Optional<String> connectLine() {
        return host == null ? Optional.empty() : Optional.of("CONNECT " + Quoting.quote(host) + " " + port);
    }
}
