package org.filedock.ejb.account;

import java.util.regex.Pattern;

/**
 * Which user names may log in: each becomes a directory under the storage root (the user's home),
 * so a name must be one safe path segment, whatever the realm would accept: a letter or digit,
 * then up to 63 letters, digits, {@code . _ @ -}. No {@code /}, no {@code .} or {@code ..}, no
 * hidden or reserved name, nothing a file system could read differently.
 */
public final class UserNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final int SHOWN_IN_LOG = 64;

    private UserNames() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches();
    }

    /** A name as the log may show it: bounded, control characters escaped (a refused name may hold anything). */
    public static String forLog(String name) {
        StringBuilder shown = new StringBuilder("'");
        int end = Math.min(name.length(), SHOWN_IN_LOG);
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('\'');
        if (name.length() > SHOWN_IN_LOG) {
            shown.append("... (").append(name.length()).append(" characters)");
        }
        return shown.toString();
    }
}
