package org.filedock.web.files;

import java.util.Optional;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;

/**
 * The {@code Content-Range} of a resumable {@code PUT} (RFC 9110 §14.4 and §14.5, partial PUT; a
 * FileDock extension, see docs/protocol.md): {@code bytes <first>-<last>/<total>}, a part that
 * runs to the end of the file, or {@code bytes *}{@code /<total>}, a question for the offset to
 * continue from. Anything else is BAD_REQUEST: an unknown total, a range beyond the total, a part
 * that stops before the end.
 *
 * @param first the part's first byte; -1 for the question
 */
record ContentRange(long first, long total) {

    private static final String UNIT = "bytes ";
    private static final int MAX_DIGITS = 18;

    /** Whether this asks how many bytes the server holds, rather than carrying a part. */
    boolean asksOffset() {
        return first < 0;
    }

    /** The part's length: the bytes from {@link #first} to the end. */
    long length() {
        return total - first;
    }

    /** @return empty without the header (a plain PUT) */
    static Optional<ContentRange> parse(String header) throws CommandException {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            throw bad("Content-Range must count bytes: bytes <first>-<last>/<total> or bytes */<total>");
        }
        String spec = value.substring(UNIT.length()).trim();
        int slash = spec.indexOf('/');
        if (slash < 0) {
            throw bad("Content-Range needs the total: bytes <first>-<last>/<total>");
        }
        String rangePart = spec.substring(0, slash);
        String totalPart = spec.substring(slash + 1);
        if (totalPart.equals("*")) {
            throw bad("a resumable upload must give its total size in Content-Range, not *");
        }
        long total = number(totalPart);
        if (rangePart.equals("*")) {
            return Optional.of(new ContentRange(-1, total));
        }
        int dash = rangePart.indexOf('-');
        if (dash < 0) {
            throw bad("malformed Content-Range: expected bytes <first>-<last>/<total>");
        }
        long first = number(rangePart.substring(0, dash));
        long last = number(rangePart.substring(dash + 1));
        if (first > last || last >= total) {
            throw bad("Content-Range " + first + "-" + last + "/" + total + " is not a range of the file");
        }
        if (last != total - 1) {
            throw bad("a part must run to the end of the file: bytes " + first + "-" + (total - 1) + "/" + total);
        }
        return Optional.of(new ContentRange(first, total));
    }

    private static long number(String digits) throws CommandException {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad("malformed Content-Range: \"" + digits + "\" is not a byte position");
        }
        return Long.parseLong(digits);
    }

    private static CommandException bad(String message) {
        return new CommandException(ErrorCode.BAD_REQUEST, message);
    }
}
