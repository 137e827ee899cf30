package org.filedock.ejb.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;

/**
 * Writes through to a channel and adds exactly the bytes written to a digest, read from the
 * very buffer being written (no copy of the payload, no second read of the file).
 */
final class DigestingChannel implements WritableByteChannel {

    private final WritableByteChannel target;
    private final MessageDigest digest;

    DigestingChannel(WritableByteChannel target, MessageDigest digest) {
        this.target = target;
        this.digest = digest;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        int start = source.position();
        int n = target.write(source);
        if (n > 0) {
            ByteBuffer written = source.duplicate();
            written.position(start).limit(start + n);
            digest.update(written);
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return target.isOpen();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
