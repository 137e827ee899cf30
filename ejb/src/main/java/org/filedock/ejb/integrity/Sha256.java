package org.filedock.ejb.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 as the protocol writes it (contract §11): 64 lowercase hex digits. */
public final class Sha256 {

    public static final int HEX_LENGTH = 64;

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * A client's digest in the protocol's form: 64 hex digits (upper case accepted), returned in
     * lower case.
     *
     * @throws IllegalArgumentException if it is anything else
     */
    public static String parseHex(String text) {
        if (text.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest is " + HEX_LENGTH + " hex digits");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                throw new IllegalArgumentException("not a hex digit: " + text.charAt(i));
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** Feeds the first {@code length} bytes of the file to the digest, through the buffer. */
    static void update(MessageDigest digest, FileChannel file, long length, ByteBuffer buffer) throws IOException {
        long position = 0;
        while (position < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new java.io.EOFException("the file ended at " + position + " of " + length + " bytes");
            }
            position += n;
            buffer.flip();
            digest.update(buffer);
        }
    }
}
