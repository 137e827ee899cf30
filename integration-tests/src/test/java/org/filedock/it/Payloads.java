package org.filedock.it;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Large, reproducible payloads streamed without holding them in memory, and their digests. */
final class Payloads {

    private Payloads() {
    }

    /** Writes {@code size} pseudo-random bytes from {@code seed}; returns their SHA-256. */
    static String write(OutputStream out, long size, long seed) throws IOException {
        Random random = new Random(seed);
        MessageDigest digest = sha256();
        byte[] chunk = new byte[1 << 20];
        long left = size;
        while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            random.nextBytes(chunk);
            digest.update(chunk, 0, n);
            out.write(chunk, 0, n);
            left -= n;
        }
        out.flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An OutputStream that only digests what passes through it. */
    static final class DigestSink extends OutputStream {
        private final MessageDigest digest = sha256();
        private long count;

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
