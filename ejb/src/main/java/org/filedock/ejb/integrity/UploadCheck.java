package org.filedock.ejb.integrity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;

import org.filedock.ejb.storage.Upload;

/**
 * The check of an upload against the client's {@code sha256=} (contract §11): the digest runs
 * over the bytes as they stream into the spool. A resumed upload's digest must cover its earlier
 * parts too; those are read back once, when the part starts (the hash state is not kept between
 * parts: Java cannot save a {@code MessageDigest}'s state, and a re-read of the partial costs
 * less than the network time it took to send it).
 */
public final class UploadCheck {

    private static final UploadCheck NONE = new UploadCheck(null, null);

    private final String expected;
    private final MessageDigest digest;

    private UploadCheck(String expected, MessageDigest digest) {
        this.expected = expected;
        this.digest = digest;
    }

    /**
     * @param expected the client's digest (lower case), or empty for no check
     * @param buffer used to read the bytes the upload already holds, if any
     */
    public static UploadCheck start(Optional<String> expected, Upload upload, ByteBuffer buffer) throws IOException {
        if (expected.isEmpty()) {
            return NONE;
        }
        MessageDigest digest = Sha256.newDigest();
        if (upload.offset() > 0) {
            try (FileChannel held = FileChannel.open(upload.spoolFile(), StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                Sha256.update(digest, held, upload.offset(), buffer);
            }
        }
        return new UploadCheck(expected.get(), digest);
    }

    /** Where the payload goes: the upload's channel, through the digest when there is a check. */
    public WritableByteChannel into(WritableByteChannel channel) {
        return digest == null ? channel : new DigestingChannel(channel, digest);
    }

    /**
     * After the whole payload: whether the bytes match the client's digest (always, without
     * one). Call once.
     */
    public boolean passes() {
        return digest == null || expected.equals(Sha256.hex(digest.digest()));
    }

    /** The digest the bytes were checked against, once {@link #passes()} said so; empty without one. */
    public Optional<String> verified() {
        return Optional.ofNullable(expected);
    }
}
