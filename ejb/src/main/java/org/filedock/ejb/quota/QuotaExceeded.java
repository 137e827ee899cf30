package org.filedock.ejb.quota;

import org.filedock.api.CommandException;
import org.filedock.protocol.ErrorCode;

/** {@code ERR@QUOTA <used> of <quota> bytes used} (contract §13). */
public class QuotaExceeded extends CommandException {

    private static final long serialVersionUID = 1L;

    /** @param used the usage with what uploads in progress have reserved */
    public QuotaExceeded(long used, long quota) {
        super(ErrorCode.QUOTA, used + " of " + quota + " bytes used");
    }
}
