package org.filedock.cli.rate;

/**
 * One point of a transfer's rate log: seconds since the transfer started, the rate over the
 * interval that ended then, and the rolling average of the rates so far, in bytes per second.
 */
public record RateSample(double seconds, double rate, double rollingAverage) {
}
