package org.filedock.ejb.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The digest sees exactly the bytes written, also when the target takes only part of a buffer. */
class DigestingChannelTest {

    /** Takes at most 1000 bytes per write, like a file system that writes short. */
    private static final class ShortWrites implements WritableByteChannel {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();

        @Override
        public int write(ByteBuffer source) {
            int n = Math.min(1000, source.remaining());
            byte[] chunk = new byte[n];
            source.get(chunk);
            taken.write(chunk, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theDigestCoversWhatWasWrittenFromADirectBuffer() throws Exception {
        byte[] content = new byte[100_003];
        new Random(7).nextBytes(content);
        ShortWrites target = new ShortWrites();
        MessageDigest digest = Sha256.newDigest();
        DigestingChannel channel = new DigestingChannel(target, digest::update);
        ByteBuffer buffer = ByteBuffer.allocateDirect(8192);
        for (int at = 0; at < content.length; ) {
            int n = Math.min(buffer.capacity(), content.length - at);
            buffer.clear();
            buffer.put(content, at, n).flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            at += n;
        }
        assertEquals(Sha256.hex(MessageDigest.getInstance("SHA-256").digest(content)), Sha256.hex(digest.digest()));
        assertEquals(content.length, target.taken.size());
    }

    @Test
    void digestsInTheProtocolsForm() {
        String upper = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
        assertEquals(upper.toLowerCase(), Sha256.parseHex(upper));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Sha256.hex(Sha256.newDigest().digest()));
        assertThrows(IllegalArgumentException.class, () -> Sha256.parseHex(upper.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> Sha256.parseHex(upper.substring(1) + "g"));
        assertThrows(IllegalArgumentException.class, () -> Sha256.parseHex(upper.substring(1) + "\u0661"));
        assertThrows(IllegalArgumentException.class, () -> Sha256.parseHex(upper + "0"));
    }
}
