package org.filedock.cli.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransferMeterTest {

    private long now = 7_000_000_000L;

    @Test
    void summaryGivesBytesTimeAndMeanRate() {
        TransferMeter meter = new TransferMeter(() -> now);
        meter.started(18 * 1024 * 1024);
        meter.progressed(18 * 1024 * 1024);
        now += 420_000_000L;
        meter.finished(true);
        assertEquals("18.0 MiB in 0.42 s, 42.9 MiB/s", meter.summary());
    }

    @Test
    void shortTransfersShowMilliseconds() {
        TransferMeter meter = new TransferMeter(() -> now);
        meter.started(18);
        meter.progressed(18);
        now += 3_000_000L;
        meter.finished(true);
        assertEquals("18 B in 0.003 s, 5.9 KiB/s", meter.summary());
    }

    @Test
    void anEmptyFileIsZeroBytes() {
        TransferMeter meter = new TransferMeter(() -> now);
        meter.started(0);
        now += 1_000_000L;
        meter.finished(true);
        assertEquals("0 B in 0.001 s, 0 B/s", meter.summary());
    }
}
