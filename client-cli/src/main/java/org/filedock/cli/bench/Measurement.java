package org.filedock.cli.bench;

/**
 * One row of the report: what was measured, its median on FileDock and (with {@code --raw}) on
 * the bare-socket baseline, as a rate where higher is better ({@code MB/s}, {@code ops/s}) or a
 * time where lower is better ({@code s}).
 */
record Measurement(String name, String unit, boolean higherIsBetter, double filedock, Double raw) {

    /** FileDock as a share of the baseline, 1.0 meaning as good. */
    Double ratio() {
        if (raw == null || raw == 0 || filedock == 0) {
            return null;
        }
        return higherIsBetter ? filedock / raw : raw / filedock;
    }
}
