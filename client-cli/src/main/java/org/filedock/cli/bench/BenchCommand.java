package org.filedock.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.client.Verification;
import org.filedock.protocol.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code filedock-cli bench}: throughput of uploads and downloads, small-command round trips and
 * concurrent uploads against a running server, medians over repeats; with {@code --raw} the same
 * work against a bare socket server in a process of its own, interleaved, as the physical limit.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = org.filedock.cli.VersionProvider.class,
        description = {
            "Measures a running FileDock server: upload and download throughput for each size, "
                    + "MKDIR+DIR+RMDIR round trips per second on one connection, and N clients "
                    + "uploading at once. Every download is checked against the uploaded bytes (SHA-256).",
            "With --raw, each measurement is repeated, interleaved, against a bare Java socket server "
                    + "started in a separate process (same client code, 1 MiB direct buffers, data forced to disk, "
                    + "no container), and the report shows FileDock as a percentage of it.",
            "With --verify, each measurement is repeated, interleaved, with transfers verified by SHA-256 "
                    + "(UPLOAD ... sha256=, DOWNLOAD hashed as it arrives and checked against HASH, as the CLI does by "
                    + "default) and unverified, and the report shows verified as a percentage of unverified.",
            "MB/s means 10^6 bytes per second. Run it on a quiet machine and compare only within one run."
        })
public final class BenchCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = {"-H", "--host"}, defaultValue = "127.0.0.1", description = "server (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "" + Protocol.DEFAULT_PORT, description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--sizes", split = ",", defaultValue = "64M,1G", paramLabel = "SIZE",
            description = "file sizes to transfer (default: ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--repeat", defaultValue = "3", description = "repetitions of each measurement (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--loops", defaultValue = "200", description = "MKDIR+DIR+RMDIR loops per repetition (default: ${DEFAULT-VALUE})")
    int loops;

    @Option(names = "--clients", defaultValue = "50", description = "concurrent uploading clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--client-size", defaultValue = "1M", description = "what each concurrent client uploads (default: ${DEFAULT-VALUE})")
    String clientSize;

    @Option(names = "--raw", description = "also measure the bare-socket baseline")
    boolean raw;

    @Option(names = "--verify", description = "compare transfers verified by SHA-256 with unverified ones "
            + "(instead of --raw)")
    boolean verify;

    @Option(names = "--raw-dir", paramLabel = "DIR",
            description = "where the baseline keeps its files; put it on the server's disk (default: the temp directory)")
    Path rawDirectory;

    @Option(names = "--local-dir", paramLabel = "DIR", description = "where local test files go (default: the temp directory)")
    Path localDirectory;

    @Option(names = "--prime-memory", description = "before each timed transfer, write and delete a file as large as it in the "
            + "local directory, so that every transfer starts with recently used memory (for virtual machines that hand "
            + "freed memory back to their host)")
    boolean primeMemory;

    public BenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (raw && verify) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--raw and --verify each add a second column: choose one");
        }
        Path local = Files.createTempDirectory(directoryOrTemp(localDirectory), "filedock-bench-local");
        Path rawRoot = raw ? Files.createTempDirectory(directoryOrTemp(rawDirectory), "filedock-bench-raw") : null;
        String workDirectory = "/bench-" + UUID.randomUUID();
        List<Target> targets = new ArrayList<>();
        targets.add(verify ? new Target("verified", host, port, workDirectory, Verification.VERIFIED)
                : new Target("FileDock", host, port, workDirectory, Verification.UNVERIFIED));
        if (verify) {
            targets.add(new Target("unverified", host, port, workDirectory, Verification.UNVERIFIED));
        }
        try (FileDockClient setup = FileDockClient.connect(host, port, org.filedock.cli.client.ConnectionSettings.DEFAULT);
             BareServerProcess bare = raw ? new BareServerProcess(rawRoot) : null) {
            setup.mkdir(workDirectory);
            if (bare != null) {
                targets.add(new Target("raw socket", "127.0.0.1", bare.port(), null, Verification.UNVERIFIED));
            }
            try {
                List<Measurement> rows = measure(targets, local);
                BenchReport.print(out, rows, targets, repeat);
            } finally {
                clean(setup, workDirectory);
            }
        } finally {
            deleteTree(local);
            if (rawRoot != null) {
                deleteTree(rawRoot);
            }
        }
        return 0;
    }

    private void prime(Path local, long size) throws IOException {
        if (primeMemory) {
            MemoryPrimer.prime(local, size);
        }
    }

    /** The directory asked for, created if missing, or the system's temporary directory. */
    private static Path directoryOrTemp(Path asked) throws IOException {
        return asked == null ? Path.of(System.getProperty("java.io.tmpdir")) : Files.createDirectories(asked);
    }

    private List<Measurement> measure(List<Target> targets, Path local) throws Exception {
        warmUp(targets, local);
        List<Measurement> rows = new ArrayList<>();
        for (String sizeText : sizes) {
            long size = ByteSize.parse(sizeText);
            Path file = TestFiles.create(local, size);
            String digest = TestFiles.sha256(file);
            Map<Target, Samples> up = samplesFor(targets);
            Map<Target, Samples> down = samplesFor(targets);
            progress("transfers of " + ByteSize.format(size));
            for (int r = 0; r < repeat; r++) {
                for (Target target : inTurn(targets, r)) {
                    try (FileDockClient client = target.connect()) {
                        prime(local, size);
                        up.get(target).add(Workloads.upload(client, file, "file.bin", target.verification()));
                        prime(local, size);
                        down.get(target).add(Workloads.download(client, "file.bin", local.resolve("downloaded.bin"), digest,
                                target.verification()));
                        client.delete("file.bin");
                    }
                }
            }
            Files.delete(file);
            rows.add(rate("upload " + ByteSize.format(size), size / 1e6, "MB/s", up, targets));
            rows.add(rate("download " + ByteSize.format(size), size / 1e6, "MB/s", down, targets));
        }
        Map<Target, Samples> small = samplesFor(targets);
        progress(loops + " x (MKDIR + DIR + RMDIR)");
        for (int r = 0; r < repeat; r++) {
            for (Target target : inTurn(targets, r)) {
                try (FileDockClient client = target.connect()) {
                    small.get(target).add(Workloads.smallCommands(client, loops));
                }
            }
        }
        rows.add(rate(loops + " x (MKDIR+DIR+RMDIR), 1 conn", 3.0 * loops, "ops/s", small, targets));
        long each = ByteSize.parse(clientSize);
        Path file = TestFiles.create(local, each);
        Map<Target, Samples> concurrent = samplesFor(targets);
        progress(clients + " clients x " + ByteSize.format(each) + " uploads at once");
        for (int r = 0; r < repeat; r++) {
            for (Target target : inTurn(targets, r)) {
                concurrent.get(target).add(Workloads.concurrentUploads(target, clients, file, "c" + r + "-"));
            }
        }
        rows.add(time(clients + " x " + ByteSize.format(each) + " uploads at once", concurrent, targets));
        return rows;
    }

    /**
     * The targets in the order of repetition {@code r}: every other repetition starts with the
     * baseline. Whatever the first of a pair pays for (on this kind of virtual machine, memory the
     * host hands back only when touched again after a large delete) is then paid by both.
     */
    private static List<Target> inTurn(List<Target> targets, int r) {
        if (r % 2 == 0) {
            return targets;
        }
        List<Target> reversed = new ArrayList<>(targets);
        Collections.reverse(reversed);
        return reversed;
    }

    /** One untimed pass of small work, so that neither side is measured while its JIT is still cold. */
    private void warmUp(List<Target> targets, Path local) throws Exception {
        progress("warm-up");
        Path file = TestFiles.create(local, 4L << 20);
        for (Target target : targets) {
            try (FileDockClient client = target.connect()) {
                for (int i = 0; i < 5; i++) {
                    Workloads.upload(client, file, "warm.bin", target.verification());
                    Workloads.download(client, "warm.bin", local.resolve("warm-copy.bin"), TestFiles.sha256(file),
                            target.verification());
                    Workloads.smallCommands(client, 100);
                }
                client.delete("warm.bin");
            }
        }
        Files.delete(file);
        // the concurrent path (many connections, many threads at once) warms up on its own
        Path each = TestFiles.create(local, Math.min(ByteSize.parse(clientSize), 1L << 20));
        for (Target target : targets) {
            for (int i = 0; i < 3; i++) {
                Workloads.concurrentUploads(target, clients, each, "warm-" + i + "-");
            }
        }
        Files.delete(each);
    }

    private static Map<Target, Samples> samplesFor(List<Target> targets) {
        Map<Target, Samples> map = new LinkedHashMap<>();
        targets.forEach(t -> map.put(t, new Samples()));
        return map;
    }

    private static Measurement rate(String name, double amount, String unit, Map<Target, Samples> samples,
                                    List<Target> targets) {
        double filedock = amount / samples.get(targets.get(0)).medianSeconds();
        Double raw = targets.size() > 1 ? amount / samples.get(targets.get(1)).medianSeconds() : null;
        return new Measurement(name, unit, true, filedock, raw);
    }

    private static Measurement time(String name, Map<Target, Samples> samples, List<Target> targets) {
        double filedock = samples.get(targets.get(0)).medianSeconds();
        Double raw = targets.size() > 1 ? samples.get(targets.get(1)).medianSeconds() : null;
        return new Measurement(name, "s", false, filedock, raw);
    }

    private void progress(String what) {
        out.println("measuring " + what + " ...");
    }

    private static void clean(FileDockClient client, String directory) throws IOException {
        for (var entry : client.dir(directory)) {
            String path = directory + "/" + entry.name();
            if (entry.isDirectory()) {
                client.rmdir(path);
            } else {
                client.delete(path);
            }
        }
        client.rmdir(directory);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
