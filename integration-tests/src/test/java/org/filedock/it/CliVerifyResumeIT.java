package org.filedock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.filedock.it.CliProcess.Result;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CLI's SHA-256 proof and {@code --resume} against the real server: {@code sha256=}, {@code HASH}, {@code DOWNLOAD <path> <offset>}. */
@ExtendWith(ArquillianExtension.class)
class CliVerifyResumeIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.filedockEar();
    }

    @Test
    void aVerifiedUploadAndDownloadPrintTheFilesSha256() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "verify");
        byte[] content = randomBytes(5 * 1024 * 1024 + 3);
        Path local = Files.write(work.resolve("v.bin"), content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        String dir = "verify-" + UUID.randomUUID();

        Result result = run(List.of("--download-dir", downloads.toString()), String.join("\n",
                "MKDIR " + dir, "CHDIR " + dir, "UPLOAD \"" + local + "\"", "DOWNLOAD v.bin", ""));

        assertEquals(0, result.exitCode(), result.stderr());
        String digest = sha256(content);
        List<String> summaries = result.stdout().lines().filter(l -> l.endsWith(", sha256 " + digest)).toList();
        assertEquals(2, summaries.size(), result.stdout());
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("v.bin")));
        assertArrayEquals(content, Files.readAllBytes(ItConfig.storageRoot().resolve(dir).resolve("v.bin")));
    }

    @Test
    void aDownloadWithResumeGoesOnFromItsPartialFileAndIsVerifiedAsAWhole() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "resume");
        byte[] content = randomBytes(4 * 1024 * 1024 + 11);
        String dir = "resume-" + UUID.randomUUID();
        Files.createDirectory(ItConfig.storageRoot().resolve(dir));
        Files.write(ItConfig.storageRoot().resolve(dir).resolve("r.bin"), content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        int held = 1_500_000;
        Files.write(downloads.resolve(".filedock-r.bin.part"), Arrays.copyOf(content, held));

        Result result = run(List.of("--download-dir", downloads.toString()),
                "DOWNLOAD --resume " + dir + "/r.bin\n");

        assertEquals(0, result.exitCode(), result.stderr());
        String summary = ", resumed at byte " + held + ", sha256 " + sha256(content);
        assertTrue(result.stdout().lines().anyMatch(l -> l.endsWith(summary)), result.stdout());
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("r.bin")));
        assertFalse(Files.exists(downloads.resolve(".filedock-r.bin.part")));
    }

    @Test
    void aPartialFileThatIsNotTheStartOfTheFileFailsTheDigestAndTheFileIsFetchedAfresh() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "mismatch");
        byte[] content = randomBytes(2 * 1024 * 1024);
        String dir = "mismatch-" + UUID.randomUUID();
        Files.createDirectory(ItConfig.storageRoot().resolve(dir));
        Files.write(ItConfig.storageRoot().resolve(dir).resolve("m.bin"), content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        Files.write(downloads.resolve(".filedock-m.bin.part"), new byte[1000]);

        Result result = run(List.of("--download-dir", downloads.toString()), "DOWNLOAD --resume " + dir + "/m.bin\n");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("error: sha256 mismatch for " + dir + "/m.bin"), result.stderr());
        assertTrue(result.stderr().contains("downloading it again from the start"), result.stderr());
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("m.bin")));
        try (var files = Files.list(downloads)) {
            assertEquals(List.of(downloads.resolve("m.bin")), files.toList());
        }
    }

    @Test
    void anUploadCutByTheNetworkIsTakenUpAgainAndStoredWhole() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "cut-up");
        byte[] content = randomBytes(12 * 1024 * 1024 + 5);
        Path local = Files.write(work.resolve("c.bin"), content);
        String dir = "cut-up-" + UUID.randomUUID();
        Files.createDirectory(ItConfig.storageRoot().resolve(dir));
        try (CuttingProxy proxy = new CuttingProxy(ItConfig.filedockPort(), 4 * 1024 * 1024, true, 1)) {
            Result result = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"),
                    List.of("--host", "127.0.0.1", "--port", String.valueOf(proxy.port())),
                    "UPLOAD --resume \"" + local + "\" " + dir + "/c.bin\n");
            assertEquals(0, result.exitCode(), result.stderr());
            assertTrue(result.stderr().contains("resuming, try 1 of 3"), result.stderr());
            String digest = sha256(content);
            assertTrue(result.stdout().lines().anyMatch(l -> l.contains(", resumed at byte ")
                    && l.endsWith(", sha256 " + digest)), result.stdout());
        }
        assertArrayEquals(content, Files.readAllBytes(ItConfig.storageRoot().resolve(dir).resolve("c.bin")));
    }

    @Test
    void aDownloadCutByTheNetworkIsTakenUpAgainAndSavedWhole() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "cut-down");
        byte[] content = randomBytes(12 * 1024 * 1024 + 7);
        String dir = "cut-down-" + UUID.randomUUID();
        Files.createDirectory(ItConfig.storageRoot().resolve(dir));
        Files.write(ItConfig.storageRoot().resolve(dir).resolve("d.bin"), content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        try (CuttingProxy proxy = new CuttingProxy(ItConfig.filedockPort(), 5 * 1024 * 1024, false, 1)) {
            Result result = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"),
                    List.of("--host", "127.0.0.1", "--port", String.valueOf(proxy.port()),
                            "--download-dir", downloads.toString()),
                    "DOWNLOAD --resume " + dir + "/d.bin\n");
            assertEquals(0, result.exitCode(), result.stderr());
            assertTrue(result.stderr().contains("resuming, try 1 of 3"), result.stderr());
            assertTrue(result.stdout().contains(", resumed at byte "), result.stdout());
        }
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("d.bin")));
        try (var files = Files.list(downloads)) {
            assertEquals(List.of(downloads.resolve("d.bin")), files.toList());
        }
    }

    @Test
    void anUploadCutOffIsContinuedByTheSameCommandRunAgain() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "rerun-up");
        int size = 12 * 1024 * 1024 + 3;
        byte[] content = randomBytes(size);
        Path local = Files.write(work.resolve("r.bin"), content);
        String dir = "rerun-up-" + UUID.randomUUID();
        Files.createDirectory(ItConfig.storageRoot().resolve(dir));
        String command = "UPLOAD \"" + local + "\" " + dir + "/r.bin\n"; // no --resume: resumable by default
        try (CuttingProxy proxy = new CuttingProxy(ItConfig.filedockPort(), 6 * 1024 * 1024, true, 1)) {
            List<String> options = List.of("--host", "127.0.0.1", "--port", String.valueOf(proxy.port()), "--retries", "0");
            Result cut = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"), options, command);
            assertEquals(1, cut.exitCode(), cut.stdout());
            assertFalse(Files.exists(ItConfig.storageRoot().resolve(dir).resolve("r.bin")), "nothing visible after the cut");
            long before = proxy.bytesUpstream();

            Result again = runWhenFree(options, command);
            assertEquals(0, again.exitCode(), again.stderr());
            String digest = sha256(content);
            assertTrue(again.stdout().lines().anyMatch(l -> l.contains(", resumed at byte ")
                    && l.endsWith(", sha256 " + digest)), again.stdout());
            long sentAgain = proxy.bytesUpstream() - before;
            assertTrue(sentAgain < size - 4 * 1024 * 1024, "the re-run sent " + sentAgain + " of " + size + " bytes");
        }
        assertArrayEquals(content, Files.readAllBytes(ItConfig.storageRoot().resolve(dir).resolve("r.bin")));
    }

    @Test
    void aDownloadCutOffIsContinuedByTheSameCommandRunAgain() throws Exception {
        Path work = Files.createTempDirectory(ItConfig.workDirectory(), "rerun-down");
        int size = 12 * 1024 * 1024 + 9;
        byte[] content = randomBytes(size);
        String dir = "rerun-down-" + UUID.randomUUID();
        Files.createDirectory(ItConfig.storageRoot().resolve(dir));
        Files.write(ItConfig.storageRoot().resolve(dir).resolve("e.bin"), content);
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        String command = "DOWNLOAD " + dir + "/e.bin\n";
        try (CuttingProxy proxy = new CuttingProxy(ItConfig.filedockPort(), 6 * 1024 * 1024, false, 1)) {
            List<String> options = List.of("--host", "127.0.0.1", "--port", String.valueOf(proxy.port()), "--retries", "0",
                    "--download-dir", downloads.toString());
            Result cut = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"), options, command);
            assertEquals(1, cut.exitCode(), cut.stdout());
            assertFalse(Files.exists(downloads.resolve("e.bin")), "no target before the whole file is verified");
            long before = proxy.bytesDownstream();

            Result again = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"), options, command);
            assertEquals(0, again.exitCode(), again.stderr());
            String digest = sha256(content);
            assertTrue(again.stdout().lines().anyMatch(l -> l.contains(", resumed at byte ")
                    && l.endsWith(", sha256 " + digest)), again.stdout());
            long receivedAgain = proxy.bytesDownstream() - before;
            assertTrue(receivedAgain < size - 4 * 1024 * 1024, "the re-run received " + receivedAgain + " of " + size);
        }
        assertArrayEquals(content, Files.readAllBytes(downloads.resolve("e.bin")));
        try (var files = Files.list(downloads)) {
            assertEquals(List.of(downloads.resolve("e.bin")), files.toList());
        }
    }

    /** The server may still be closing the cut part for a moment (BUSY): the same command again, then. */
    private static Result runWhenFree(List<String> options, String command) throws Exception {
        java.time.Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            Result result = CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"), options, command);
            if (result.exitCode() == 0 || !result.stderr().contains("BUSY") || Instant.now().isAfter(deadline)) {
                return result;
            }
            Thread.sleep(100);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(count).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static Result run(List<String> options, String stdin) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(ItConfig.filedockPort())));
        arguments.addAll(options);
        return CliProcess.run(Files.createTempDirectory(ItConfig.workDirectory(), "cli-home"), arguments, stdin);
    }
}
