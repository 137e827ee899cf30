package org.filedock.it;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol port takes connections only once commands can be served (the adapter opens it when
 * the command endpoint is activated), and the server's readiness ({@code /health/ready} on the
 * management port, what the cluster's balancer asks) is UP with the deployment.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    private static final String EAR = "filedock";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void everyConnectionTakenWhileDeployingIsServedAndReadinessSaysUp() throws Exception {
        AtomicBoolean deployed = new AtomicBoolean();
        List<String> answers = new CopyOnWriteArrayList<>();
        // Arquillian deploys from the test's thread only: the clients knock from another
        CompletableFuture<Void> knocking = CompletableFuture.runAsync(() -> {
            while (!deployed.get()) {
                try (WireClient client = WireClient.connect()) {
                    answers.add(client.call("PWD"));
                } catch (ConnectException notListeningYet) {
                    Thread.onSpinWait();
                } catch (IOException e) {
                    answers.add(e.toString());
                }
            }
        });
        try {
            deployer.deploy(EAR);
            deployed.set(true);
            knocking.get(30, TimeUnit.SECONDS);
            try (WireClient client = WireClient.connect()) {
                answers.add(client.call("PWD"));
            }
            assertTrue(answers.stream().allMatch("OK@/"::equals), () -> "answers while deploying: " + answers);

            String ready = Health.readiness();
            assertTrue(ready.matches("(?s).*\"deployments-status\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\".*"), ready);
            // FileDock's own check: the listeners accept and the history's datasource answers
            assertTrue(Health.fileDockUp(ready), ready);
            assertTrue(ready.matches("(?s).*\"listeners\"\\s*:\\s*\"accepting\".*"), ready);
            assertTrue(ready.matches("(?s).*\"history\"\\s*:\\s*\"ok\".*"), ready);
        } finally {
            deployed.set(true);
            deployer.undeploy(EAR);
        }
        assertFalse(Health.readiness().contains("\"filedock\""), "FileDock's check is gone with the deployment");
    }
}
