package org.filedock.cli.rate;

/** The mean of the last {@code window} values added (of all of them while there are fewer). */
public final class RollingAverage {

    private final double[] values;
    private int count;
    private int next;

    public RollingAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        values = new double[window];
    }

    /** Adds a value and returns the mean of the window including it. */
    public double add(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        count = Math.min(count + 1, values.length);
        // summed afresh each time: 60 additions cost nothing, and no rounding error builds up
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }
}
