package org.filedock.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.filedock.it.CliProcess.Result;
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
    void rateLogWritesACsvPerTransferAndEachTransferEndsWithASummary() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "ratelog");
        Path local = work.resolve("big.bin");
        byte[] content = new byte[8 * 1024 * 1024];
        new Random(3).nextBytes(content);
        Files.write(local, content);
        Path logs = Files.createDirectory(work.resolve("logs"));
        Path more = Files.createDirectory(work.resolve("more"));
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        String dir = "ratelog-" + UUID.randomUUID();

        Result result = run(List.of("--rate-log", logs.toString(), "--download-dir", downloads.toString()),
                String.join("\n",
                        "MKDIR " + dir,
                        "UPLOAD \"" + local + "\" " + dir + "/big.bin",
                        "RATELOG off",
                        "UPLOAD \"" + local + "\" " + dir + "/again.bin",
                        "RATELOG on \"" + more + "\"",
                        "DOWNLOAD " + dir + "/big.bin",
                        ""));

        assertEquals(0, result.exitCode(), result.stderr());
        List<String> summaries = result.stdout().lines()
                .filter(l -> l.matches("8\\.0 MiB in [0-9.]+ s, [0-9.]+ (KiB|MiB|GiB)/s.*")).toList();
        assertEquals(3, summaries.size(), result.stdout());
        assertRateLog(onlyFile(logs), "\\d{8}-\\d{6}-upload-big\\.bin\\.csv");
        assertRateLog(onlyFile(more), "\\d{8}-\\d{6}-download-big\\.bin\\.csv");
        assertTrue(summaries.get(0).endsWith("(rate log " + onlyFile(logs) + ")"), summaries.get(0));
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("big.bin")));
    }

    private static Path onlyFile(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static void assertRateLog(Path file, String namePattern) throws IOException {
        assertTrue(file.getFileName().toString().matches(namePattern), file.toString());
        List<String> rows = Files.readAllLines(file);
        assertEquals("seconds,rate,rolling_average", rows.get(0));
        assertTrue(rows.size() >= 2, rows.toString());
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.matches("\\d+\\.\\d{3},\\d+\\.\\d,\\d+\\.\\d"), row);
        }
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
        List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(ItConfig.filedockPort())));
        arguments.addAll(options);
        return CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"), arguments, stdin);
    }
}
