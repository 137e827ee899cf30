package org.filedock.cli.shell;

import java.nio.file.Path;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.tls.KnownHosts;
import org.filedock.cli.tls.ServerTrust;
import org.filedock.cli.tls.TrustQuestion;

/** How a session decides about TLS servers and where LOGIN gets passwords. */
public record Access(ServerTrust trust, PasswordSource passwords) {

    /** The user's known_hosts, nobody to ask about new servers, no passwords. */
    public static Access defaults() {
        KnownHosts knownHosts = new KnownHosts(Path.of(System.getProperty("user.home"), ".filedock", "known_hosts"));
        return new Access(ServerTrust.withSystemStore(knownHosts, null, TrustQuestion.NOBODY), PasswordSource.NONE);
    }
}
