package org.filedock.web.files.serve;

import java.util.Optional;

/**
 * One range of a {@code Range: bytes=...} header (RFC 9110 §14.1.2): {@code a-b}, {@code a-} or
 * the suffix {@code -n}. Several ranges, or another unit, are not served as ranges: the whole file
 * is (which RFC 9110 allows); a malformed header is ignored the same way.
 *
 * @param first the first byte
 * @param length how many bytes
 */
public record ByteRange(long first, long length) {

    /** What a {@code Range} header asks of a file of {@code size} bytes. */
    public sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    /** No usable range: send the whole file. */
    public record Whole() implements Request {
    }

    public record Part(ByteRange range) implements Request {
    }

    /** A well-formed single range that lies wholly beyond the end: 416. */
    public record Unsatisfiable() implements Request {
    }

    public long last() {
        return first + length - 1;
    }

    public static Request of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
            return new Whole();
        }
        String spec = value.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String fromText = spec.substring(0, dash).trim();
        String toText = spec.substring(dash + 1).trim();
        Optional<Long> from = number(fromText);
        Optional<Long> to = number(toText);
        if ((from.isEmpty() && !fromText.isEmpty()) || (to.isEmpty() && !toText.isEmpty())
                || (from.isEmpty() && to.isEmpty())) {
            return new Whole(); // malformed: ignored
        }
        if (from.isEmpty()) { // suffix: the last n bytes
            long n = to.get();
            if (n == 0 || size == 0) {
                return new Unsatisfiable();
            }
            long length = Math.min(n, size);
            return new Part(new ByteRange(size - length, length));
        }
        long first = from.get();
        if (to.isPresent() && to.get() < first) {
            return new Whole(); // invalid: ignored
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = to.map(t -> Math.min(t, size - 1)).orElse(size - 1);
        return new Part(new ByteRange(first, last - first + 1));
    }

    /** Digits only, fitting a long; anything else (or nothing) is empty. */
    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
