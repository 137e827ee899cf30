package org.filedock.api.share;

/** A share link that serves nothing to this request, and why (the HTTP status follows from it). */
public class ShareRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Unknown or revoked: 404. */
        UNKNOWN,
        /** Past its expiry: 410. */
        EXPIRED,
        /** A password is needed, or the one given is wrong, or guessing is being limited: 401. */
        PASSWORD
    }

    private final Reason reason;

    public ShareRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
