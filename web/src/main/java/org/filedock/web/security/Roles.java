package org.filedock.web.security;

/** The application realm's groups that FileDock knows, as roles (the default groups-to-roles decoder). */
public final class Roles {

    public static final String USER = "filedock-user";
    public static final String ADMIN = "filedock-admin";

    private Roles() {
    }
}
