package org.filedock.connector.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test payload bytes that depend on their offset only, so both ends can make and check them. */
final class Payloads {

    private Payloads() {
    }

    static void fill(byte[] target, long offset, int length) {
        for (int i = 0; i < length; i++) {
            long x = offset + i;
            target[i] = (byte) (x * 31 + (x >>> 8) * 7 + (x >>> 20));
        }
    }

    static String digest(long size) {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[1 << 20];
        for (long done = 0; done < size; done += chunk.length) {
            int n = (int) Math.min(chunk.length, size - done);
            fill(chunk, done, n);
            digest.update(chunk, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
