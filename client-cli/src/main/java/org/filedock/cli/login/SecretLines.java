package org.filedock.cli.login;

import java.util.Locale;

/** Recognises shell lines that carry a password, which must never be stored (e.g. in the history). */
public final class SecretLines {

    private SecretLines() {
    }

    /**
     * True for {@code LOGIN} with more than one word after it, however quoted: such a line is
     * refused, and may hold a password.
     */
    public static boolean carriesPassword(String line) {
        String[] words = line.strip().split("\\s+");
        return words.length > 2 && words[0].toUpperCase(Locale.ROOT).equals("LOGIN");
    }
}
