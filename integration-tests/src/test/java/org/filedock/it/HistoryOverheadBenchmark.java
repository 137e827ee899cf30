package org.filedock.it;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: the cost of recording the rate history, measured against two running servers, one
 * with the history on and one with it off ({@code filedock.history.enabled=false}). Each round
 * uploads then downloads the same payload on both, in alternating order (ABBA), over one raw
 * connection each; the figures are medians over the rounds, after warm-up rounds.
 * {@code bench/history-overhead.sh} starts the servers and runs it.
 * <p>
 * Arguments: {@code <port on> <port off> <MiB> <rounds> <warm-up rounds>}.
 */
public final class HistoryOverheadBenchmark {

    private static final int MIB = 1024 * 1024;

    private record Run(double uploadSeconds, double downloadSeconds) {
    }

    private final byte[] chunk = new byte[MIB];
    private final long size;

    private HistoryOverheadBenchmark(long size) {
        this.size = size;
        new Random(1).nextBytes(chunk);
    }

    public static void main(String[] args) throws IOException {
        int on = Integer.parseInt(args[0]);
        int off = Integer.parseInt(args[1]);
        long mib = Long.parseLong(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int warmUp = Integer.parseInt(args[4]);
        HistoryOverheadBenchmark bench = new HistoryOverheadBenchmark(mib * MIB);
        List<Run> withHistory = new ArrayList<>();
        List<Run> without = new ArrayList<>();
        for (int round = 0; round < warmUp + rounds; round++) {
            boolean onFirst = round % 4 == 0 || round % 4 == 3;
            Run first = bench.run(onFirst ? on : off);
            Run second = bench.run(onFirst ? off : on);
            Run runOn = onFirst ? first : second;
            Run runOff = onFirst ? second : first;
            boolean counted = round >= warmUp;
            System.out.printf(Locale.ROOT, "%s round %d: on up %.0f down %.0f MiB/s, off up %.0f down %.0f MiB/s%n",
                    counted ? "measured" : "warm-up", round, bench.rate(runOn.uploadSeconds()),
                    bench.rate(runOn.downloadSeconds()), bench.rate(runOff.uploadSeconds()),
                    bench.rate(runOff.downloadSeconds()));
            if (counted) {
                withHistory.add(runOn);
                without.add(runOff);
            }
        }
        bench.report("upload", withHistory.stream().mapToDouble(Run::uploadSeconds).toArray(),
                without.stream().mapToDouble(Run::uploadSeconds).toArray());
        bench.report("download", withHistory.stream().mapToDouble(Run::downloadSeconds).toArray(),
                without.stream().mapToDouble(Run::downloadSeconds).toArray());
        bench.report("upload+download", withHistory.stream().mapToDouble(r -> r.uploadSeconds() + r.downloadSeconds())
                .toArray(), without.stream().mapToDouble(r -> r.uploadSeconds() + r.downloadSeconds()).toArray());
    }

    private Run run(int port) throws IOException {
        try (WireClient client = WireClient.connect(port)) {
            long start = System.nanoTime();
            expect("OK@Ready", client.call("UPLOAD bench.bin " + size));
            OutputStream out = client.socketOutput();
            for (long left = size; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.flush();
            expect("OK@File uploaded", client.line());
            long uploaded = System.nanoTime();
            expect("OK@" + size, client.call("DOWNLOAD bench.bin"));
            client.readPayloadTo(OutputStream.nullOutputStream(), size);
            long downloaded = System.nanoTime();
            expect("OK@Download complete", client.call("COMPLETE"));
            return new Run((uploaded - start) / 1e9, (downloaded - uploaded) / 1e9);
        }
    }

    private void report(String what, double[] secondsOn, double[] secondsOff) {
        double bytes = what.contains("+") ? 2.0 * size : size;
        double on = bytes / MIB / median(secondsOn);
        double off = bytes / MIB / median(secondsOff);
        System.out.printf(Locale.ROOT, "median %s: history on %.0f MiB/s, off %.0f MiB/s, on/off %.3f%n",
                what, on, off, on / off);
    }

    private double rate(double seconds) {
        return size / (double) MIB / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void expect(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("expected " + expected + ", got " + actual);
        }
    }
}
