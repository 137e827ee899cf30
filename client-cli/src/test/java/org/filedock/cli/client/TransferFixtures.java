package org.filedock.cli.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.filedock.cli.testing.FakeServer;

/** What the transfer tests share: a quick connection, file contents, the files in a directory. */
final class TransferFixtures {

    static final ConnectionSettings QUICK = new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(5));

    private TransferFixtures() {
    }

    static FileDockClient connect(FakeServer server) throws IOException {
        return FileDockClient.connect(server.host(), server.port(), QUICK);
    }

    /** Always the same bytes for the same count. */
    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(count).nextBytes(bytes);
        return bytes;
    }

    static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
