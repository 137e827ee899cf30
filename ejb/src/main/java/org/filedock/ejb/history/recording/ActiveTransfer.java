package org.filedock.ejb.history.recording;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.filedock.api.files.TransferProgress;
import org.filedock.api.history.LiveTransfer;
import org.filedock.api.history.TransferChannel;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.filedock.api.metrics.FileDockCounters;

/**
 * One transfer while it runs. The transfer's thread advances {@link #bytes()} and, at the end,
 * sets the outcome and closes it; the sampling clock reads the counter from its own thread; the
 * series is sealed off both, after the end. The outcome is {@link TransferOutcome#FAILED} unless
 * the transfer says otherwise before closing.
 */
public final class ActiveTransfer implements TransferProgress {

    private final TransferRecorder recorder;
    private final String id;
    private final TransferDirection direction;
    private final String path;
    private final String clientAddress;
    private final String user;
    private final long declaredSize;
    private final Instant startedAt;
    private final long startNanos;
    private final AtomicLong bytes = new AtomicLong();
    private final RateSampler sampler;

    // written by the transfer's thread before it hands the transfer over (see TransferRecorder.ended)
    private TransferOutcome outcome = TransferOutcome.FAILED;
    private boolean closed;
    private long endNanos;
    private long endBytes;
    private String uploadId;
    private TransferChannel channel = TransferChannel.PROTOCOL;
    // guarded by this: whether the cluster was told of it (see TransferRecorder), and whether it ended
    private boolean announced;
    private boolean ended;
    // guarded by sampler: the bytes already added to the metrics
    private long countedBytes;

    ActiveTransfer(TransferRecorder recorder, String id, TransferDirection direction, String path,
                   String clientAddress, String user, long declaredSize, Instant startedAt, long startNanos) {
        this.recorder = recorder;
        this.id = id;
        this.direction = direction;
        this.path = path;
        this.clientAddress = clientAddress;
        this.user = user;
        this.declaredSize = declaredSize;
        this.startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
        this.startNanos = startNanos;
        this.sampler = new RateSampler(startNanos, TransferRecorder.SAMPLING_INTERVAL.toNanos(),
                TransferRecorder.MAX_SAMPLES);
        FileDockCounters.TRANSFERS.started(direction);
    }

    public String id() {
        return id;
    }

    /**
     * Payload bytes moved so far. Only the transfer's thread writes it, so it may add with
     * {@code setRelease(getPlain() + n)}, which costs no more than a plain store.
     */
    public AtomicLong bytes() {
        return bytes;
    }

    @Override
    public void moved(long n) {
        bytes.setRelease(bytes.getPlain() + n);
    }

    @Override
    public void completed() {
        outcome = TransferOutcome.COMPLETED;
    }

    /** This transfer is one part of the resumable upload with this id (contract §10). */
    public void partOf(String uploadId) {
        this.uploadId = uploadId;
    }

    /** The door the transfer came through (the protocol unless said otherwise). */
    public void via(TransferChannel channel) {
        this.channel = channel;
    }

    /** The client went away or stalled. */
    @Override
    public void aborted() {
        outcome = TransferOutcome.ABORTED;
    }

    /** The transfer is over, whichever way: its outcome is final. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            FileDockCounters.TRANSFERS.ended(direction, channel, outcome, uncountedBytes());
            recorder.ended(this);
        }
    }

    /**
     * Tells {@code inFlight} of this transfer if it is still running and has been running for
     * {@code announceAfterNanos}; once.
     */
    synchronized void announceIfRunning(long nowNanos, long announceAfterNanos, InFlightTransfers inFlight) {
        if (!announced && !ended && nowNanos - startNanos >= announceAfterNanos) {
            announced = true;
            inFlight.started(new InFlightTransfer(id, direction, path, clientAddress, user, declaredSize, bytes.get(),
                    startedAt, uploadId, channel));
        }
    }

    /** The end, told to {@code inFlight} if it was told of the start. */
    synchronized void announceEnd(InFlightTransfers inFlight) {
        ended = true;
        if (announced) {
            inFlight.ended(id);
        }
    }

    void markEnded(long nowNanos) {
        endNanos = nowNanos;
        endBytes = bytes.get();
    }

    void tick(long nowNanos) {
        synchronized (sampler) {
            sampler.tick(nowNanos, bytes.get());
            FileDockCounters.TRANSFERS.moved(direction, channel, uncountedBytes());
        }
    }

    /** The bytes moved since the metrics were last told, now counted as told. */
    private long uncountedBytes() {
        synchronized (sampler) {
            long moved = bytes.get();
            long uncounted = moved - countedBytes;
            countedBytes = moved;
            return uncounted;
        }
    }

    LiveTransfer live(long nowNanos) {
        long moved = bytes.get();
        double rate;
        synchronized (sampler) {
            rate = sampler.size() > 0 ? sampler.latestRate() : meanRate(moved, nowNanos - startNanos);
        }
        return new LiveTransfer(id, direction, path, clientAddress, user, declaredSize, moved, startedAt, rate,
                channel.wireName());
    }

    /** Takes the final sample and returns the whole record; called once, after {@link #close()}. */
    FinishedTransfer seal() {
        synchronized (sampler) {
            sampler.finish(endNanos, endBytes);
            long elapsed = Math.max(0, endNanos - startNanos);
            Instant endedAt = startedAt.plusNanos(elapsed).truncatedTo(ChronoUnit.MICROS);
            return new FinishedTransfer(id, direction, path, clientAddress, user, declaredSize, endBytes, startedAt,
                    endedAt, outcome, meanRate(endBytes, elapsed), sampler.peakRate(), sampler.samples(), uploadId,
                    channel);
        }
    }

    private static double meanRate(long bytes, long elapsedNanos) {
        return elapsedNanos <= 0 ? 0 : bytes * 1e9 / elapsedNanos;
    }
}
