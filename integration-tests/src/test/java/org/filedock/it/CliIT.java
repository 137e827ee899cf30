package org.filedock.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI as a user runs it: {@code java -jar filedock-cli.jar}, scripted, against the deployed server. */
@ExtendWith(ArquillianExtension.class)
class CliIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    @Test
    void scriptOnStdinUploadsListsAndDownloadsANameWithSpaces() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "cli");
        Path local = work.resolve("my file.bin");
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        Files.write(local, content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        String dir = "cli " + UUID.randomUUID();

        Result result = run(List.of("--download-dir", downloads.toString()), String.join("\n",
                "MKDIR \"" + dir + "\"",
                "CHDIR \"" + dir + "\"",
                "UPLOAD \"" + local + "\"",
                "DIR",
                "DOWNLOAD \"my file.bin\"",
                "PWD",
                ""));

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("File uploaded"), result.stdout());
        assertTrue(result.stdout().contains("Directory changed to /" + dir), result.stdout());
        assertTrue(result.stdout().lines().anyMatch(l -> l.contains(String.valueOf(content.length))
                && l.endsWith("my file.bin")), result.stdout());
        assertTrue(result.stdout().contains("Download complete"), result.stdout());
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("my file.bin")));
        assertArrayEquals(content, Files.readAllBytes(ItConfig.storageRoot().resolve(dir).resolve("my file.bin")));
    }

    @Test
    void aFailingCommandGivesANonZeroExitCode() throws Exception {
        Result result = run(List.of("-c", "PWD", "-c", "DOWNLOAD no-such-file-" + UUID.randomUUID()), "");
        assertEquals(1, result.exitCode(), result.stdout());
        assertTrue(result.stdout().contains("/"), result.stdout());
        assertTrue(result.stderr().contains("error: NOT_FOUND"), result.stderr());
    }

    @Test
    void connectWhileConnectedKeepsTheReportsRule() throws Exception {
        Result result = run(List.of(), "CONNECT 127.0.0.1 " + ItConfig.filedockPort() + "\n");
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("Disconnect from current server before connecting to new server"),
                result.stderr());
    }

    private static Result run(List<String> options, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(ItConfig.workDirectory(), "cli", ".out");
        Path err = Files.createTempFile(ItConfig.workDirectory(), "cli", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ItConfig.cliJar().toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(ItConfig.filedockPort())));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
