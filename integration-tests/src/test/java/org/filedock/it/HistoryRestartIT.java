package org.filedock.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The history lives in the database, not in the server: it survives stopping and starting the
 * server, and the retention limit applies after a start. Runs a second server of its own (a copy
 * of the provisioned one, on free ports), with the embedded H2 by default and PostgreSQL under the
 * build's postgresql profile.
 */
@ExtendWith(ArquillianExtension.class)
class HistoryRestartIT {

    private static final String SERVER = "restart";
    private static final String EAR = "filedock-restart";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    private final HistoryHttp api = new HistoryHttp(Integer.getInteger("it.restart.http-port"));

    @Deployment(name = EAR, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @AfterEach
    void stopServer() {
        if (controller.isStarted(SERVER)) {
            controller.stop(SERVER);
        }
    }

    @Test
    void historySurvivesARestartAndRetentionKeepsTheNewest() throws Exception {
        String home = "/restart-" + UUID.randomUUID();
        start(Map.of());
        try (WireClient client = WireClient.connect(Integer.getInteger("it.restart.filedock-port"))) {
            client.call("MKDIR " + home);
            client.call("CHDIR " + home);
            for (String name : List.of("first.txt", "second.txt", "third.txt")) {
                client.upload(name, name.getBytes(StandardCharsets.UTF_8));
            }
        }
        JsonArray before = api.awaitTransfers(home + "/", 3);
        List<JsonObject> detailsBefore = details(before);
        List<JsonArray> samplesBefore = samples(before);
        stop();

        start(Map.of());
        assertEquals(before, api.transfersUnder(home + "/").getJsonArray("items"), "the same three after a restart");
        assertEquals(detailsBefore, details(before));
        assertEquals(samplesBefore, samples(before));
        stop();

        // keep 2: the retention runs shortly after the start and deletes all but the two newest,
        // transfers and audit entries alike (the newest entries are the last two uploads)
        start(Map.of("javaVmArguments", System.getProperty("it.restart.server-args")
                + " -Dfiledock.history.max-transfers=2 -Dfiledock.audit.max-entries=2"));
        JsonArray kept = api.awaitTransfers(home + "/", 2);
        assertEquals(List.of(home + "/third.txt", home + "/second.txt"), auditedPathsAfterRetention(home, 2));
        assertEquals(before.subList(0, 2), kept);
        String oldest = before.getJsonObject(2).getString("id");
        assertEquals(404, api.get("/filedock/api/transfers/" + oldest, "application/json").status());
        assertEquals(404, api.get("/filedock/api/transfers/" + oldest + "/samples", "application/json").status());
        stop();
    }

    /** Polls until the audit trail under the prefix is down to {@code count} entries; returns their paths. */
    private List<String> auditedPathsAfterRetention(String prefix, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            JsonObject page = api.json("/filedock/api/audit?path=" + HistoryHttp.encode(prefix)).object();
            if (page.getInt("total") <= count || Instant.now().isAfter(deadline)) {
                assertEquals(count, page.getInt("total"), page.toString());
                return page.getJsonArray("items").stream().map(e -> ((JsonObject) e).getString("path")).toList();
            }
            Thread.sleep(50);
        }
    }

    private void start(Map<String, String> config) {
        if (config.isEmpty()) {
            controller.start(SERVER);
        } else {
            controller.start(SERVER, config);
        }
        deployer.deploy(EAR);
    }

    /** Undeploys first, so that the next start deploys the archive afresh. */
    private void stop() {
        deployer.undeploy(EAR);
        controller.stop(SERVER);
    }

    private List<JsonObject> details(JsonArray transfers) throws Exception {
        List<JsonObject> details = new ArrayList<>();
        for (int i = 0; i < transfers.size(); i++) {
            details.add(api.json("/filedock/api/transfers/" + transfers.getJsonObject(i).getString("id")).object());
        }
        return details;
    }

    private List<JsonArray> samples(JsonArray transfers) throws Exception {
        List<JsonArray> samples = new ArrayList<>();
        for (int i = 0; i < transfers.size(); i++) {
            String id = transfers.getJsonObject(i).getString("id");
            samples.add(api.json("/filedock/api/transfers/" + id + "/samples").array());
        }
        return samples;
    }
}
