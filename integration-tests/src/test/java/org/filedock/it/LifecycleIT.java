package org.filedock.it;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Deploying opens the protocol port; undeploying says goodbye to every client and frees it. */
@ExtendWith(ArquillianExtension.class)
class LifecycleIT {

    private static final String EAR = "filedock";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void undeployDisconnectsClientsAndFreesThePortAndRedeployWorks() throws IOException {
        deployer.deploy(EAR);
        try (WireClient idle = WireClient.connect()) {
            assertEquals("OK@/", idle.call("PWD"));

            deployer.undeploy(EAR);

            assertEquals("DISCONNECTED@server shutting down", idle.line());
            assertNull(idle.line());
        }
        assertThrows(ConnectException.class, WireClient::connect);
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", ItConfig.filedockPort()));
        }

        deployer.deploy(EAR);
        try (WireClient client = WireClient.connect()) {
            assertEquals("OK@/", client.call("PWD"));
        } finally {
            deployer.undeploy(EAR);
        }
    }
}
