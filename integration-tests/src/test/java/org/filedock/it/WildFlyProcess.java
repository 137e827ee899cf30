package org.filedock.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
import org.jboss.dmr.ModelNode;

/**
 * A WildFly that a test starts with {@code bin/standalone.sh} from the provisioned server, on a
 * server base directory of its own, and stops, terminates or kills itself.
 */
final class WildFlyProcess {

    private static final Duration BOOT = Duration.ofSeconds(120);

    private final Process script;
    private final Path console;

    private WildFlyProcess(Process script, Path console) {
        this.script = script;
        this.console = console;
    }

    /**
     * @param baseDirectory a {@code standalone} directory with at least {@code configuration/}
     * @param properties {@code -D} options for the server, e.g. {@code filedock.root=...}
     */
    static WildFlyProcess start(Path baseDirectory, List<String> properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ItConfig.jbossHome().resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDirectory,
                "-Djboss.socket.binding.port-offset=" + ItConfig.portOffset()));
        for (String property : properties) {
            command.add("-D" + property);
        }
        Path console = baseDirectory.resolveSibling(baseDirectory.getFileName() + "-console.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("JBOSS_HOME", ItConfig.jbossHome().toString());
        WildFlyProcess server = new WildFlyProcess(builder.start(), console);
        server.awaitRunning();
        return server;
    }

    /** The JVM the script started: the process that a kill must hit. */
    ProcessHandle java() {
        return script.descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no WildFly JVM below " + script.pid()));
    }

    void deploy(Path archive) throws IOException {
        try (ModelControllerClient client = client(); InputStream in = Files.newInputStream(archive)) {
            new ServerDeploymentHelper(client).deploy(archive.getFileName().toString(), in);
        } catch (ServerDeploymentHelper.ServerDeploymentException e) {
            throw new IOException("cannot deploy " + archive, e);
        }
    }

    /** SIGTERM to the JVM: an orderly stop, as on a service manager's stop. */
    Duration terminate(Duration atMost) throws Exception {
        long started = System.nanoTime();
        java().destroy();
        awaitExit(atMost);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL to the JVM: no shutdown hook, no cleanup, like a power cut for the process. */
    void kill() throws Exception {
        ProcessHandle java = java();
        java.destroyForcibly();
        java.onExit().get(30, TimeUnit.SECONDS);
        awaitExit(Duration.ofSeconds(30));
    }

    boolean isAlive() {
        return script.isAlive();
    }

    private void awaitExit(Duration atMost) throws Exception {
        if (!script.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("WildFly did not exit within " + atMost.toSeconds() + " s; see " + console);
        }
    }

    private void awaitRunning() throws Exception {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (true) {
            if (!script.isAlive()) {
                throw new AssertionError("WildFly ended while starting; see " + console);
            }
            try (ModelControllerClient client = client()) {
                ModelNode op = new ModelNode();
                op.get("operation").set("read-attribute");
                op.get("name").set("server-state");
                ModelNode result = client.execute(op);
                if ("running".equals(result.get("result").asString())) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                if (!(e.getCause() instanceof ConnectException) && !String.valueOf(e.getMessage()).contains("onnect")) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("WildFly did not start within " + BOOT.toSeconds() + " s; see " + console);
            }
            Thread.sleep(200);
        }
    }

    private static ModelControllerClient client() throws IOException {
        return ModelControllerClient.Factory.create("remote+http", "127.0.0.1", ItConfig.managementPort());
    }
}
