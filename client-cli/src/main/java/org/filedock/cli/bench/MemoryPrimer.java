package org.filedock.cli.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Uses and frees memory just before a timed transfer. Some virtual machines hand freed memory
 * back to their host (Linux's free page reporting) a couple of seconds after it was freed; the
 * next large allocation then waits for the host page by page, and whichever transfer comes first
 * after a large delete pays for it, whoever serves it. Writing a file as large as the transfer
 * and deleting it leaves that much recently used memory for the transfer to take, so every
 * transfer starts alike.
 */
final class MemoryPrimer {

    private static final int CHUNK = 1 << 20;

    private MemoryPrimer() {
    }

    static void prime(Path directory, long bytes) throws IOException {
        Path file = Files.createTempFile(directory, "prime", ".tmp");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
            for (long left = bytes; left > 0; left -= CHUNK) {
                chunk.clear().limit((int) Math.min(CHUNK, left));
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
        } finally {
            Files.delete(file);
        }
    }
}
