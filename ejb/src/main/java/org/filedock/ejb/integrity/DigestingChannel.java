package org.filedock.ejb.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Writes through to a channel and adds exactly the bytes written to a digest, from the very
 * buffer being written (no second read of the file): on this thread, or handed to a
 * {@link HashingPipeline}.
 */
final class DigestingChannel implements WritableByteChannel {

    /** Where the written bytes go: a digest's {@code update}, or a pipeline's. */
    interface Hashing {
        void update(ByteBuffer written) throws IOException;
    }

    private final WritableByteChannel target;
    private final Hashing digest;

    DigestingChannel(WritableByteChannel target, Hashing digest) {
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
