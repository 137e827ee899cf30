package org.filedock.ejb.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
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
public final class UploadCheck implements AutoCloseable {

    private static final UploadCheck NONE = new UploadCheck(null, null, null);

    private final String expected;
    private final MessageDigest digest;
    private final HashingPipeline pipeline;

    private UploadCheck(String expected, MessageDigest digest, HashingPipeline pipeline) {
        this.expected = expected;
        this.digest = digest;
        this.pipeline = pipeline;
    }

    /**
     * @param expected the client's digest (lower case), or empty for no check
     * @param buffer used to read the bytes the upload already holds, if any
     * @param toCome the payload's size
     * @param threads where a large payload is hashed beside the receiving thread, if one is free
     */
    public static UploadCheck start(Optional<String> expected, Upload upload, ByteBuffer buffer, long toCome,
                                    HashingThreads threads) throws IOException {
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
        return new UploadCheck(expected.get(), digest, threads.borrow(digest, toCome).orElse(null));
    }

    /** Where the payload goes: the upload's channel, through the digest when there is a check. */
    public WritableByteChannel into(WritableByteChannel channel) {
        if (digest == null) {
            return channel;
        }
        return new DigestingChannel(channel, pipeline == null ? digest::update : pipeline::update);
    }

    /**
     * After the whole payload: whether the bytes match the client's digest (always, without
     * one). Call once.
     *
     * @throws UncheckedIOException if the hashing thread could not finish
     */
    public boolean passes() {
        if (digest == null) {
            return true;
        }
        if (pipeline != null) {
            try {
                pipeline.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected.equals(Sha256.hex(digest.digest()));
    }

    /** Lets the hashing thread go, if the payload broke off. */
    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.end();
        }
    }

    /** The digest the bytes were checked against, once {@link #passes()} said so; empty without one. */
    public Optional<String> verified() {
        return Optional.ofNullable(expected);
    }
}
