package org.filedock.ejb.history.recording;

/**
 * Where a node tells the cluster which transfers it has in flight, so that another node can
 * record them {@code ABORTED} if this one dies. A single node tells no one: its transfers end
 * with it, and nothing is left to record.
 */
public interface InFlightTransfers {

    InFlightTransfers NONE = new InFlightTransfers() {
        @Override
        public void started(InFlightTransfer transfer) {
        }

        @Override
        public void ended(String id) {
        }
    };

    /** Called off the transfer's thread, at most once per transfer, and before {@link #ended}. */
    void started(InFlightTransfer transfer);

    /** The transfer {@link #started} ended, whichever way; its node records it. */
    void ended(String id);
}
