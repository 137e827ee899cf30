package org.filedock.it;

import java.io.IOException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integration tests against the deployed EAR whose every test runs in a session of its own,
 * connected and moved into a new directory of its own ({@link #home}), closed afterwards.
 */
@ExtendWith(ArquillianExtension.class)
abstract class SessionInOwnDirectory {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    private final String directoryPrefix;
    WireClient client;
    String home;

    SessionInOwnDirectory(String directoryPrefix) {
        this.directoryPrefix = directoryPrefix;
    }

    @BeforeEach
    void connectIntoOwnDirectory() throws IOException {
        client = WireClient.connect();
        home = client.enterOwnDirectory(directoryPrefix);
    }

    @AfterEach
    void disconnect() throws IOException {
        client.close();
    }
}
