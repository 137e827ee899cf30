package org.filedock.ejb.path;

/**
 * What a single path segment may be (contract §3): 1–255 bytes of UTF-8, no control
 * characters, no {@code /}, never {@code .} or {@code ..}. Names starting with
 * {@link #RESERVED_PREFIX} belong to the server's temporary files.
 */
public final class NameRules {

    public static final String RESERVED_PREFIX = ".filedock-";
    public static final int MAX_NAME_BYTES = 255;

    private NameRules() {
    }

    /** A well-formed name; says nothing about the reserved prefix. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
            return false;
        }
        int bytes = utf8Length(name);
        return bytes > 0 && bytes <= MAX_NAME_BYTES;
    }

    public static boolean isReserved(String name) {
        return name.startsWith(RESERVED_PREFIX);
    }

    /**
     * The UTF-8 length of the name, or -1 if it holds a character no name may hold: a control
     * character, {@code /}, or a lone surrogate (which has no UTF-8 form).
     */
    static int utf8Length(String name) {
        int bytes = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '/') {
                return -1;
            }
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    return -1;
                }
                i++;
                bytes += 4;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
