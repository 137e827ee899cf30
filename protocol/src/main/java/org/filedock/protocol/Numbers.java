package org.filedock.protocol;

/** Numbers on the wire: {@code [0-9]+} that fit a signed 64-bit integer. */
public final class Numbers {

    private Numbers() {
    }

    /** @throws NumberFormatException for anything but a plain non-negative decimal within range */
    public static long parseCount(String text) {
        if (text.isEmpty()) {
            throw new NumberFormatException("empty number");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a number: " + text);
            }
        }
        return Long.parseLong(text);
    }
}
