package org.filedock.ejb.resume;

import java.io.IOException;

/**
 * Told of every change in the bytes that partials hold, so that their owners' usage (contract
 * §13) follows them. A change runs inside {@link #change}, so a count taken meanwhile sees it and
 * its effect together.
 */
@FunctionalInterface
public interface PartialUsage {

    /** Nobody counts. */
    PartialUsage UNCOUNTED = (owner, change) -> change.apply();

    /** A change of one owner's partial data. */
    @FunctionalInterface
    interface Change {
        /** @return by how many bytes the owner's partial data grew (negative: shrank) */
        long apply() throws IOException;
    }

    void change(String owner, Change change) throws IOException;
}
