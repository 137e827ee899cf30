package org.filedock.ejb.history.recording;

import java.util.List;

import org.filedock.api.history.RateSample;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The series on a synthetic clock: sampling, the rolling average, thinning, the final sample. */
class RateSamplerTest {

    private static final long MS = 1_000_000;
    private static final long START = 5_000 * MS; // any origin: the series counts from the start
    private static final long TICK = 100 * MS;

    @Test
    void aTickEveryIntervalGivesOneSampleEachWithTheRateOverTheInterval() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        sampler.tick(START + TICK, 1_000);
        sampler.tick(START + 2 * TICK, 3_000);
        sampler.tick(START + 3 * TICK, 3_000);

        List<RateSample> samples = sampler.samples();
        assertEquals(List.of(
                new RateSample(0.1, 1_000, 10_000.0, 10_000.0),
                new RateSample(0.2, 3_000, 20_000.0, 15_000.0),
                new RateSample(0.3, 3_000, 0.0, 10_000.0)), samples);
        assertEquals(0.0, sampler.latestRate());
        assertEquals(20_000.0, sampler.peakRate());
    }

    @Test
    void aTickTooSoonAfterTheStartOrTheLastSampleIsSkippedButJitterIsNot() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        sampler.tick(START + 30 * MS, 500);      // the clock's phase: too close to the start
        sampler.tick(START + 130 * MS, 1_300);
        sampler.tick(START + 170 * MS, 1_700);   // too soon
        sampler.tick(START + 228 * MS, 2_280);   // 98 ms later: a late tick before, not a skip
        assertEquals(List.of(0.13, 0.228), sampler.samples().stream().map(RateSample::seconds).toList());
        assertEquals(10_000.0, sampler.samples().get(1).rate(), 1e-6);
    }

    @Test
    void theRollingAverageIsTheMeanOfTheLastSixtyRates() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        long bytes = 0;
        // 60 intervals at 1000 B/s (100 bytes per tick), then 30 at 7000 B/s (700 per tick)
        for (int i = 1; i <= 90; i++) {
            bytes += i <= 60 ? 100 : 700;
            sampler.tick(START + i * TICK, bytes);
        }
        List<RateSample> samples = sampler.samples();
        assertEquals(90, samples.size());
        assertEquals(1_000.0, samples.get(0).rollingAverage(), 1e-6);
        assertEquals(1_000.0, samples.get(59).rollingAverage(), 1e-6);
        // sample 61: the window holds 59 rates of 1000 and one of 7000
        assertEquals((59 * 1_000.0 + 7_000.0) / 60, samples.get(60).rollingAverage(), 1e-6);
        // sample 90: 30 of each
        assertEquals(4_000.0, samples.get(89).rollingAverage(), 1e-6);
        assertEquals(7_000.0, samples.get(89).rate(), 1e-6);
    }

    @Test
    void aShortTransferStillHasItsFinalSample() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        sampler.finish(START + 40 * MS, 4_000);
        assertEquals(List.of(new RateSample(0.04, 4_000, 100_000.0, 100_000.0)), sampler.samples());
    }

    @Test
    void theFinalSampleComesAfterTheTicksAndEndsTheSeries() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        sampler.tick(START + TICK, 100);
        sampler.tick(START + 2 * TICK, 200);
        sampler.finish(START + 250 * MS, 300);
        sampler.tick(START + 3 * TICK, 999);
        sampler.finish(START + 400 * MS, 999);

        List<RateSample> samples = sampler.samples();
        assertEquals(3, samples.size());
        RateSample last = samples.get(2);
        assertEquals(0.25, last.seconds(), 1e-9);
        assertEquals(300, last.bytes());
        assertEquals(2_000.0, last.rate(), 1e-6);
        assertEquals((1_000.0 + 1_000.0 + 2_000.0) / 3, last.rollingAverage(), 1e-6);
    }

    @Test
    void aFinalReadingAtTheInstantOfATickReplacesIt() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        sampler.tick(START + TICK, 100);
        sampler.finish(START + TICK, 150);
        assertEquals(List.of(new RateSample(0.1, 150, 1_500.0, 1_500.0)), sampler.samples());
    }

    @Test
    void aZeroByteTransferHasOneSampleAtRateZero() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        sampler.finish(START, 0);
        assertEquals(List.of(new RateSample(0, 0, 0, 0)), sampler.samples());
    }

    @Test
    void whenFullEveryOtherSampleGoesAndTheSpacingDoubles() {
        RateSampler sampler = new RateSampler(START, TICK, 10);
        for (int i = 1; i <= 10; i++) {
            sampler.tick(START + i * TICK, i * 100L);
        }
        assertEquals(10, sampler.size());
        sampler.tick(START + 11 * TICK, 1_100);   // full: thinned to 0.2 .. 1.0; 1.1 is too soon now
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8, 1.0), seconds(sampler));
        sampler.tick(START + 12 * TICK, 1_200);
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8, 1.0, 1.2), seconds(sampler));
        for (RateSample s : sampler.samples()) {
            assertEquals(1_000.0, s.rate(), 1e-6, "rate over the merged interval");
            assertEquals(1_000.0, s.rollingAverage(), 1e-6);
        }
    }

    @Test
    void aLongTransferKeepsAnEvenSeriesOfAtMostTheCapacity() {
        RateSampler sampler = new RateSampler(START, TICK, 2000);
        long bytes = 0;
        int ticks = 30 * 60 * 10; // half an hour at 100 ms
        for (int i = 1; i <= ticks; i++) {
            bytes += i % 2 == 0 ? 3_000 : 1_000; // 20 kB/s on average
            sampler.tick(START + i * TICK, bytes);
            assertTrue(sampler.size() <= 2000);
        }
        sampler.finish(START + ticks * TICK + 50 * MS, bytes + 1_000);

        List<RateSample> samples = sampler.samples();
        assertTrue(samples.size() > 1000 && samples.size() <= 2000, samples.size() + " samples");
        assertEquals(ticks / 10.0 + 0.05, samples.get(samples.size() - 1).seconds(), 1e-9);
        assertEquals(bytes + 1_000, samples.get(samples.size() - 1).bytes());
        double spacing = samples.get(1).seconds() - samples.get(0).seconds();
        assertEquals(1.6, spacing, 1e-9, "thinned four times: 100 ms doubled to 1.6 s");
        for (int i = 1; i < samples.size() - 1; i++) {
            assertEquals(spacing, samples.get(i).seconds() - samples.get(i - 1).seconds(), 1e-9, "even at " + i);
            assertTrue(samples.get(i).bytes() >= samples.get(i - 1).bytes());
            assertEquals(20_000.0, samples.get(i).rate(), 1e-6);
            assertEquals(20_000.0, samples.get(i).rollingAverage(), 1e-6);
        }
    }

    private static List<Double> seconds(RateSampler sampler) {
        return sampler.samples().stream().map(s -> Math.round(s.seconds() * 1000) / 1000.0).toList();
    }
}
