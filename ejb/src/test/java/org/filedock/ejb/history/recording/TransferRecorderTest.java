package org.filedock.ejb.history.recording;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.filedock.api.history.LiveTransfer;
import org.filedock.api.history.RateSample;
import org.filedock.api.history.TransferDirection;
import org.filedock.api.history.TransferOutcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorder on a synthetic clock: live view, ticks, the end handed over, sealing. */
class TransferRecorderTest {

    private static final long MS = 1_000_000;
    private static final Instant WALL = Instant.parse("2026-11-25T21:00:00.123456789Z");

    private final AtomicLong nanos = new AtomicLong(77 * MS);
    private final List<TransferEnded> ended = new ArrayList<>();
    private final TransferRecorder recorder = new TransferRecorder(nanos::get, Clock.fixed(WALL, ZoneOffset.UTC),
            true, ended::add);

    @Test
    void aTransferIsLiveWhileItRunsThenHandedOverWithItsRecord() {
        ActiveTransfer transfer = recorder.start(TransferDirection.UPLOAD, "/a/b.txt", "127.0.0.1:5000", "alice", 3_000);
        advance(50, transfer, 500);
        LiveTransfer early = recorder.live().get(0);
        assertEquals(10_000.0, early.currentRate(), 1e-6, "before the first sample: the mean so far");

        advance(50, transfer, 500);
        recorder.tick();
        advance(100, transfer, 2_000);
        recorder.tick();
        LiveTransfer live = recorder.live().get(0);
        assertEquals(new LiveTransfer(transfer.id(), TransferDirection.UPLOAD, "/a/b.txt", "127.0.0.1:5000",
                "alice", 3_000, 3_000, Instant.parse("2026-11-25T21:00:00.123456Z"), 20_000.0, "protocol"), live);

        advance(20, transfer, 0);
        transfer.completed();
        transfer.close();
        transfer.close();
        assertEquals(List.of(), recorder.live());
        assertEquals(1, ended.size());

        recorder.tick(); // a tick after the end changes nothing
        FinishedTransfer record = ended.get(0).seal();
        assertEquals(TransferOutcome.COMPLETED, record.outcome());
        assertEquals("alice", record.user());
        assertEquals(3_000, record.bytesMoved());
        assertEquals(Instant.parse("2026-11-25T21:00:00.343456Z"), record.endedAt());
        assertEquals(3_000 / 0.22, record.meanRate(), 1e-6);
        assertEquals(20_000.0, record.peakRate(), 1e-6);
        assertEquals(List.of(0.1, 0.2, 0.22), record.samples().stream().map(RateSample::seconds).toList());
        assertEquals(3_000, record.samples().get(2).bytes());
    }

    @Test
    void anUnfinishedTransferEndsAsFailedUnlessToldOtherwise() {
        ActiveTransfer failed = recorder.start(TransferDirection.DOWNLOAD, "/f", "c", null, 10);
        failed.close();
        ActiveTransfer aborted = recorder.start(TransferDirection.DOWNLOAD, "/g", "c", null, 10);
        aborted.aborted();
        aborted.close();
        assertEquals(TransferOutcome.FAILED, ended.get(0).seal().outcome());
        assertEquals(TransferOutcome.ABORTED, ended.get(1).seal().outcome());
        assertEquals(1, ended.get(0).seal().samples().size(), "sealing twice adds nothing");
    }

    @Test
    void theLiveViewListsNewestFirst() {
        TransferRecorder recorder = new TransferRecorder(nanos::get, Clock.systemUTC(), true, ended::add);
        ActiveTransfer first = recorder.start(TransferDirection.UPLOAD, "/1", "c", null, 1);
        ActiveTransfer second = recorder.start(TransferDirection.UPLOAD, "/2", "c", null, 1);
        List<LiveTransfer> live = recorder.live();
        assertEquals(2, live.size());
        assertTrue(!live.get(0).startedAt().isBefore(live.get(1).startedAt()));
        first.close();
        assertEquals(List.of(second.id()), recorder.live().stream().map(LiveTransfer::id).toList());
    }

    @Test
    void disabledItCountsButNeitherListsNorHandsOver() {
        TransferRecorder off = new TransferRecorder(nanos::get, Clock.systemUTC(), false, ended::add);
        ActiveTransfer transfer = off.start(TransferDirection.UPLOAD, "/x", "c", null, 5);
        transfer.bytes().addAndGet(5);
        assertEquals(List.of(), off.live());
        transfer.completed();
        transfer.close();
        assertEquals(List.of(), ended);
    }

    @Test
    void aTransferThatRunsAWhileIsAnnouncedOnceAndItsEndToo() {
        List<String> told = new ArrayList<>();
        recorder.inFlight = new InFlightTransfers() {
            @Override
            public void started(InFlightTransfer transfer) {
                told.add("started " + transfer.path() + " " + transfer.uploadId() + " " + transfer.bytesMoved());
            }

            @Override
            public void ended(String id) {
                told.add("ended");
            }
        };
        ActiveTransfer brief = recorder.start(TransferDirection.DOWNLOAD, "/brief", "c", null, 1);
        ActiveTransfer longer = recorder.start(TransferDirection.UPLOAD, "/longer", "c", "ann", 100);
        longer.partOf("u-1");
        advance(150, longer, 40);
        recorder.tick();
        brief.close();
        assertEquals(List.of(), told, "nothing is announced before it ran " + TransferRecorder.ANNOUNCE_AFTER);
        advance(100, longer, 10);
        recorder.tick();
        recorder.tick();
        assertEquals(List.of("started /longer u-1 50"), told);
        longer.close();
        assertEquals(List.of("started /longer u-1 50", "ended"), told);
    }

    private void advance(long millis, ActiveTransfer transfer, long bytes) {
        nanos.addAndGet(millis * MS);
        transfer.bytes().addAndGet(bytes);
    }
}
