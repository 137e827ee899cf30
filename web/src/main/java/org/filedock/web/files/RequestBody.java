package org.filedock.web.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Exactly {@code size} bytes of a request body as a channel, read in 64 KiB steps into whatever
 * buffer the copier gives (the upload's own 1 MiB buffer): a 10 GiB body costs these two buffers,
 * never more. A body that ends early is an {@link EOFException}, as a socket that closes is.
 */
final class RequestBody implements ReadableByteChannel {

    private static final int STEP = 64 * 1024;

    private final InputStream in;
    private final byte[] step = new byte[STEP];
    private long left;
    private boolean open = true;

    RequestBody(InputStream in, long size) {
        this.in = in;
        this.left = size;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (left == 0) {
            return -1;
        }
        int wanted = (int) Math.min(Math.min(left, target.remaining()), STEP);
        if (wanted == 0) {
            return 0;
        }
        int n = in.read(step, 0, wanted);
        if (n < 0) {
            throw new EOFException("the request body ended " + left + " bytes early");
        }
        target.put(step, 0, n);
        left -= n;
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
