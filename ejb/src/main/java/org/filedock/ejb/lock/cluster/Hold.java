package org.filedock.ejb.lock.cluster;

/**
 * One lock held on one path of the lock table, by one lock of one node's incarnation. Encoded
 * as {@code K|node|incarnation|token}; node names and the generated ids contain none of
 * {@code |;}.
 */
record Hold(HoldKind kind, String node, String incarnation, String token) {

    static Hold parse(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a lock table hold: " + text);
        }
        return new Hold(HoldKind.ofCode(parts[0]), parts[1], parts[2], parts[3]);
    }

    String encode() {
        return kind.code() + "|" + node + "|" + incarnation + "|" + token;
    }
}
