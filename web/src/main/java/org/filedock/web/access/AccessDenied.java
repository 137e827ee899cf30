package org.filedock.web.access;

/** The caller may not see what they asked for; answered as a 403 problem. */
public class AccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AccessDenied(String detail) {
        super(detail);
    }
}
