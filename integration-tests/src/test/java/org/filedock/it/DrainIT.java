package org.filedock.it;

import java.net.ConnectException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A graceful stop's first half, WildFly's suspend ({@code :suspend(suspend-timeout=N)}, what
 * {@code :shutdown(suspend-timeout=N)} does before it stops): FileDock's readiness goes DOWN and its
 * port closes, an idle client is told to go, the running upload finishes and is stored whole, and
 * only then is the server suspended; {@code :resume} opens the port again.
 */
@ExtendWith(ArquillianExtension.class)
class DrainIT {

    private static final String EAR = "filedock";
    private static final int MIB = 1 << 20;

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void aSuspendLeavesTheRotationAndLetsTheRunningUploadFinish() throws Exception {
        byte[] content = new byte[4 * MIB];
        new Random(13).nextBytes(content);
        String home;
        deployer.deploy(EAR);
        try {
            try (WireClient uploader = WireClient.connect(); WireClient idle = WireClient.connect()) {
                home = uploader.enterOwnDirectory("drain");
                assertEquals("OK@Ready", uploader.call("UPLOAD data.bin " + content.length));
                uploader.sendRaw(Arrays.copyOf(content, MIB));

                CompletableFuture<ModelNode> suspend = CompletableFuture.supplyAsync(() -> serverOperation("suspend"));

                Await.until(() -> Health.fileDockDown(Health.readiness()), "FileDock's readiness is DOWN");
                assertTrue(Health.readiness().contains("\"draining\""), Health.readiness());
                assertEquals("DISCONNECTED@server shutting down", idle.line());
                assertThrows(ConnectException.class, WireClient::connect, "the port is closed");
                assertFalse(suspend.isDone(), "the suspend waits for the upload");

                uploader.sendRaw(Arrays.copyOfRange(content, MIB, content.length));
                assertEquals("OK@File uploaded", uploader.line());
                assertEquals("DISCONNECTED@server shutting down", uploader.line());
                ModelNode suspended = suspend.get(30, TimeUnit.SECONDS);
                assertEquals("success", suspended.get("outcome").asString(), suspended.toString());
            } finally {
                serverOperation("resume");
            }
            Await.until(() -> Health.fileDockUp(Health.readiness()), "FileDock's readiness is UP again");
            try (WireClient client = WireClient.connect()) {
                assertEquals("OK@Directory changed to " + home, client.call("CHDIR " + home));
                assertArrayEquals(content, client.download("data.bin"), "the upload is stored whole");
            }
        } finally {
            deployer.undeploy(EAR);
        }
    }

    private ModelNode serverOperation(String name) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").setEmptyList();
        if (name.equals("suspend")) {
            operation.get("suspend-timeout").set(60);
        }
        try {
            return management.getControllerClient().execute(operation);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
