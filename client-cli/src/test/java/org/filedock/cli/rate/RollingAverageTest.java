package org.filedock.cli.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RollingAverageTest {

    @Test
    void averagesWhatThereIsUntilTheWindowIsFull() {
        RollingAverage average = new RollingAverage(3);
        assertEquals(10.0, average.add(10));
        assertEquals(15.0, average.add(20));
        assertEquals(20.0, average.add(30));
    }

    @Test
    void thenAveragesOnlyTheLastWindowOfValues() {
        RollingAverage average = new RollingAverage(3);
        average.add(10);
        average.add(20);
        average.add(30);
        assertEquals(30.0, average.add(40));
        assertEquals(40.0, average.add(50));
    }

    @Test
    void sixtyPointWindowAsTheOriginalClientUsed() {
        RollingAverage average = new RollingAverage(60);
        double last = 0;
        for (int i = 1; i <= 100; i++) {
            last = average.add(i);
        }
        // the mean of 41..100
        assertEquals(70.5, last, 1e-9);
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new RollingAverage(0));
    }
}
