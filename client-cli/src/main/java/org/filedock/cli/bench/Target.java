package org.filedock.cli.bench;

import java.io.IOException;
import java.time.Duration;

import org.filedock.cli.client.ConnectionSettings;
import org.filedock.cli.client.FileDockClient;
import org.filedock.cli.client.Verification;

/**
 * A server the benchmark drives and how: FileDock itself, or the bare baseline; transfers
 * verified by SHA-256 (as the CLI's default) or not.
 */
record Target(String name, String host, int port, String workDirectory, Verification verification) {

    private static final ConnectionSettings SETTINGS =
            new ConnectionSettings(Duration.ofSeconds(10), Duration.ofMinutes(5));

    /** A connection whose current directory is the benchmark's work directory. */
    FileDockClient connect() throws IOException {
        FileDockClient client = FileDockClient.connect(host, port, SETTINGS);
        if (workDirectory != null) {
            client.chdir(workDirectory);
        }
        return client;
    }
}
