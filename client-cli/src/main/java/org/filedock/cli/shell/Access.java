package org.filedock.cli.shell;

import java.nio.file.Path;
import org.filedock.cli.login.PasswordSource;
import org.filedock.cli.tls.KnownHosts;
import org.filedock.cli.tls.ServerTrust;
import org.filedock.cli.tls.TrustQuestion;

/**
 * How a session decides about TLS servers and where LOGIN gets passwords.
 *
 * @param prompt the person at the terminal alone (never the options' or the environment's login
 *        password): for secrets other than the login's, such as a share link's password
 */
public record Access(ServerTrust trust, PasswordSource passwords, PasswordSource prompt) {

    public Access(ServerTrust trust, PasswordSource passwords) {
        this(trust, passwords, PasswordSource.NONE);
    }

    /** The user's known_hosts, nobody to ask about new servers, no passwords. */
    public static Access defaults() {
        KnownHosts knownHosts = new KnownHosts(Path.of(System.getProperty("user.home"), ".filedock", "known_hosts"));
        return new Access(ServerTrust.withSystemStore(knownHosts, null, TrustQuestion.NOBODY), PasswordSource.NONE);
    }
}
