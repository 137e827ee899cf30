package org.filedock.cli.bench;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bare baseline in a JVM of its own, started with the same Java and class path as this
 * benchmark. It stops when its standard input closes, so it does not outlive the benchmark.
 */
final class BareServerProcess implements Closeable {

    private final Process process;
    private final int port;

    BareServerProcess(Path root) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                BareServer.class.getName(), root.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        port = readPort();
    }

    int port() {
        return port;
    }

    private int readPort() throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        if (line == null || !line.startsWith(BareServer.LISTENING)) {
            process.destroyForcibly();
            throw new IOException("the bare baseline did not start" + (line == null ? "" : ": " + line));
        }
        return Integer.parseInt(line.substring(BareServer.LISTENING.length()).trim());
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
