package org.filedock.it;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Undeploying while uploads and a download run: every client is told or cut off at once (not
 * after the payload timeout), the uploads leave nothing, the worker threads return, and the
 * files are as they were when the application comes back.
 */
@ExtendWith(ArquillianExtension.class)
class ShutdownIT {

    private static final String EAR = "filedock";
    private static final String WORKER = "org.filedock.connector.net.ConnectionWork";
    private static final long MIB = 1 << 20;

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    ManagementClient management;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void undeployDuringTransfersEndsThemAtOnceAndLeavesNothing() throws Exception {
        ServerMetrics metrics = new ServerMetrics(management);
        String home = "/shutdown-" + UUID.randomUUID();
        byte[] old = "old version".getBytes(StandardCharsets.UTF_8);
        deployer.deploy(EAR);
        try (WireClient owner = WireClient.connect();
             WireClient uploader = WireClient.connect();
             WireClient newFile = WireClient.connect();
             WireClient downloader = WireClient.connect();
             WireClient idle = WireClient.connect()) {
            owner.call("MKDIR " + home);
            owner.call("CHDIR " + home);
            owner.upload("doc.txt", old);
            long size = 64 * MIB;
            owner.uploadGenerated("big.bin", size, 11);

            assertEquals("OK@Ready", uploader.call("UPLOAD " + home + "/doc.txt " + size));
            uploader.sendRaw(new byte[(int) (4 * MIB)]);
            assertEquals("OK@Ready", newFile.call("UPLOAD " + home + "/new.bin 1000"));
            newFile.sendRaw(new byte[10]);
            assertEquals("OK@" + size, downloader.call("DOWNLOAD " + home + "/big.bin"));
            downloader.readBytes(MIB);
            Await.until(() -> StorageFiles.temporaryFiles(home).stream().anyMatch(f -> f.toFile().length() == 4 * MIB),
                    "the upload has written what it received");
            assertTrue(metrics.threadsInside(WORKER) >= 3, "three transfers are running");

            long started = System.nanoTime();
            deployer.undeploy(EAR);
            Duration undeploy = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(undeploy.compareTo(Duration.ofSeconds(20)) < 0, "undeploy took " + undeploy);

            for (WireClient told : List.of(idle, uploader, newFile)) {
                assertEquals("DISCONNECTED@server shutting down", told.line());
                assertNull(told.line());
            }
            assertThrows(EOFException.class, () -> downloader.readPayloadTo(new Payloads.DigestSink(), size - MIB),
                    "the download is cut off: a line inside its payload would be taken for content");
            Await.until(() -> StorageFiles.temporaryFiles(home).isEmpty(), "the uploads' temporary files are gone");
            Await.until(() -> metrics.threadsInside(WORKER) == 0, "the worker threads returned");
        }

        deployer.deploy(EAR);
        try (WireClient client = WireClient.connect()) {
            assertEquals("OK@Directory changed to " + home, client.call("CHDIR " + home));
            assertArrayEquals(old, client.download("doc.txt"), "the interrupted upload left the old version");
            assertTrue(client.call("DOWNLOAD new.bin").startsWith("ERR@NOT_FOUND "));
            assertEquals("OK@File deleted", client.call("DELETE big.bin"), "no lock survived");
        } finally {
            deployer.undeploy(EAR);
        }
    }
}
