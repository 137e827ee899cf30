package org.filedock.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.filedock.cli.client.TransferFixtures.randomBytes;
import static org.filedock.cli.client.TransferFixtures.sha256;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hashing on its own thread gives the digest of exactly the bytes handed over, in order. */
class BackgroundDigestTest {

    @Test
    void buffersOfAnySizeHashInOrder() throws Exception {
        byte[] content = randomBytes(5 * 1024 * 1024 + 17);
        MessageDigest digest = Sha256.newDigest();
        Random sizes = new Random(7);
        try (BackgroundDigest hashing = new BackgroundDigest(digest, ByteBuffer::allocateDirect, 64 * 1024)) {
            int at = 0;
            while (at < content.length) {
                ByteBuffer buffer = hashing.take();
                int n = Math.min(content.length - at, 1 + sizes.nextInt(buffer.capacity()));
                buffer.put(content, at, n).flip();
                hashing.hash(buffer); // the next take() may hand back a buffer only once it is hashed
                at += n;
            }
            hashing.finish();
        }
        assertEquals(sha256(content), Sha256.hex(digest));
    }
}
