package org.filedock.ejb.history.recording;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.filedock.api.SessionState;
import org.filedock.api.history.LiveTransfer;
import org.filedock.api.history.TransferDirection;
import org.filedock.ejb.history.HistoryConfig;

/**
 * Keeps the transfers in progress: hands each one its byte counter, samples them all on every
 * tick of the {@link SamplingClock}, and at a transfer's end fires {@link TransferEnded}; its
 * observer only queues it, so that the final sample and the storing happen off the transfer's thread.
 * With the history disabled, transfers still get a counter but are neither sampled nor stored.
 */
@ApplicationScoped
public class TransferRecorder {

    static final Duration SAMPLING_INTERVAL = Duration.ofMillis(100);
    static final int MAX_SAMPLES = 2000;
    /**
     * A transfer is announced to the cluster ({@link InFlightTransfers}) once it has run this
     * long: the many short ones never pay for the replicated write, and by then a resumable
     * upload knows its upload id.
     */
    static final Duration ANNOUNCE_AFTER = Duration.ofMillis(200);

    @Inject
    Event<TransferEnded> endedEvents;

    @Inject
    InFlightTransfers inFlight;

    private final ConcurrentMap<String, ActiveTransfer> active = new ConcurrentHashMap<>();
    private LongSupplier nanoClock;
    private Clock wallClock;
    private boolean enabled;
    private Consumer<TransferEnded> onEnded;

    /** For the container, which calls {@link #init()}. */
    public TransferRecorder() {
    }

    TransferRecorder(LongSupplier nanoClock, Clock wallClock, boolean enabled, Consumer<TransferEnded> onEnded) {
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.enabled = enabled;
        this.onEnded = onEnded;
        this.inFlight = InFlightTransfers.NONE;
    }

    @PostConstruct
    void init() {
        nanoClock = System::nanoTime;
        wallClock = Clock.systemUTC();
        enabled = HistoryConfig.fromSystemProperties().enabled();
        onEnded = endedEvents::fire;
    }

    public boolean enabled() {
        return enabled;
    }

    /** A transfer begins in a session: the server has accepted it and is about to move the payload. */
    public ActiveTransfer start(TransferDirection direction, String path, SessionState session, long declaredSize) {
        ActiveTransfer transfer = start(direction, path, session.clientAddress(), session.user().orElse(null),
                declaredSize);
        transfer.via(session.channel());
        return transfer;
    }

    /** @param user the session's user, {@code null} without accounts */
    ActiveTransfer start(TransferDirection direction, String path, String clientAddress, String user,
                         long declaredSize) {
        ActiveTransfer transfer = new ActiveTransfer(this, UUID.randomUUID().toString(), direction, path,
                clientAddress, user, declaredSize, wallClock.instant(), nanoClock.getAsLong());
        if (enabled) {
            active.put(transfer.id(), transfer);
        }
        return transfer;
    }

    /** One tick of the sampling clock. */
    public void tick() {
        long now = nanoClock.getAsLong();
        long announceAfter = ANNOUNCE_AFTER.toNanos();
        for (ActiveTransfer transfer : active.values()) {
            transfer.tick(now);
            transfer.announceIfRunning(now, announceAfter, inFlight);
        }
    }

    /** The transfers in progress, newest first. */
    public List<LiveTransfer> live() {
        long now = nanoClock.getAsLong();
        return active.values().stream()
                .map(transfer -> transfer.live(now))
                .sorted(Comparator.comparing(LiveTransfer::startedAt).reversed())
                .toList();
    }

    void ended(ActiveTransfer transfer) {
        if (active.remove(transfer.id()) != null) {
            transfer.announceEnd(inFlight);
            transfer.markEnded(nanoClock.getAsLong());
            onEnded.accept(new TransferEnded(transfer));
        }
    }
}
