package org.filedock.cli.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the protocol writes it: 64 lower-case hex digits (contract §11). */
final class Sha256 {

    private static final int BUFFER_SIZE = 1024 * 1024;

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hashes the first {@code size} bytes of {@code file} from its start, then sets its position back to 0. */
    static String of(FileChannel file, long size) throws IOException {
        MessageDigest digest = newDigest();
        update(digest, file, size);
        file.position(0);
        return hex(digest);
    }

    /** Adds the first {@code size} bytes of {@code file} to {@code digest}, without moving the file's position. */
    static void update(MessageDigest digest, FileChannel file, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.max(1, Math.min(BUFFER_SIZE, size)));
        long position = 0;
        while (position < size) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("the local file got shorter while it was hashed");
            }
            buffer.flip();
            digest.update(buffer);
            position += n;
        }
    }
}
