package org.filedock.api.files;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;

/**
 * A part of a resumable upload that does not begin where the bytes the server holds end (a gap,
 * an overlap, or a part of an upload of another size): refused before anything changed. Carries
 * where the next part must begin, so that the client can continue from there.
 */
public class OffsetMismatch extends CommandException {

    private static final long serialVersionUID = 1L;

    private final long held;

    public OffsetMismatch(long held, String message) {
        super(ErrorCode.BAD_REQUEST, message);
        this.held = held;
    }

    /** The bytes the server holds of this upload (of the size the part announced): where a part must begin. */
    public long held() {
        return held;
    }
}
