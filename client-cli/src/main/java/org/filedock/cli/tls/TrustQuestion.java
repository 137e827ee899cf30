package org.filedock.cli.tls;

/** Asks the person at the terminal whether to trust a server seen for the first time. */
@FunctionalInterface
public interface TrustQuestion {

    /** For scripts: nobody to ask, so an unknown server is refused. */
    TrustQuestion NOBODY = null;

    /**
     * @param explanation what is known about the server, one or more lines
     * @param question    the yes/no question
     * @return whether the user said yes
     */
    boolean confirm(String explanation, String question);
}
