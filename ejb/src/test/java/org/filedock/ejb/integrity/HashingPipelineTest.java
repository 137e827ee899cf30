package org.filedock.ejb.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** An upload's digest on a thread of its own equals the digest of the bytes in the order given. */
class HashingPipelineTest {

    @Test
    void digestOfEveryByteInOrderAndTheThreadIsGivenBack() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 11];
        new Random(3).nextBytes(content);
        AtomicInteger ended = new AtomicInteger();
        MessageDigest digest = Sha256.newDigest();
        HashingPipeline pipeline = new HashingPipeline(digest, ended::incrementAndGet);
        Thread hasher = new Thread(pipeline::hashUntilEnd);
        hasher.start();
        ByteBuffer direct = ByteBuffer.allocateDirect(1024 * 1024);
        Random sizes = new Random(5);
        for (int at = 0; at < content.length; ) {
            int n = Math.min(content.length - at, 1 + sizes.nextInt(direct.capacity()));
            direct.clear();
            direct.put(content, at, n).flip();
            pipeline.update(direct);
            assertEquals(0, direct.position(), "the caller's buffer is left as it was");
            direct.put(0, (byte) ~direct.get(0)); // reusing the buffer at once changes nothing queued
            at += n;
        }
        pipeline.finish();
        hasher.join();
        assertEquals(Sha256.hex(MessageDigest.getInstance("SHA-256").digest(content)), Sha256.hex(digest.digest()));
        assertEquals(1, ended.get());
    }

    @Test
    void aStoppedHashingThreadFailsTheCheckInsteadOfHanging() throws Exception {
        HashingPipeline pipeline = new HashingPipeline(Sha256.newDigest(), () -> { });
        Thread hasher = new Thread(pipeline::hashUntilEnd);
        hasher.start();
        hasher.interrupt();
        hasher.join();
        ByteBuffer bytes = ByteBuffer.allocate(2 * 1024 * 1024);
        IOException failure = assertThrows(IOException.class, () -> {
            pipeline.update(bytes);
            pipeline.finish();
        });
        assertTrue(failure.getMessage().contains("stopped"), failure.getMessage());
    }
}
