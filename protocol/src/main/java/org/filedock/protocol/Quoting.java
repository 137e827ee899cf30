package org.filedock.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Argument quoting of contract §2: arguments are separated by spaces; one that contains a space,
 * {@code "} or {@code \} (or is empty) is written in double quotes with {@code \"} and {@code \\}
 * as the only escapes. An unquoted word is taken literally up to the next space.
 */
public final class Quoting {

    private Quoting() {
    }

    /** Writes one argument, quoting it only when it needs quotes. */
    public static String quote(String argument) {
        if (!argument.isEmpty() && argument.indexOf(' ') < 0 && argument.indexOf('"') < 0
                && argument.indexOf('\\') < 0) {
            return argument;
        }
        StringBuilder out = new StringBuilder(argument.length() + 2).append('"');
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** Splits a line into words, undoing the quoting. */
    public static List<String> split(String line) throws RequestSyntaxException {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return words;
            }
            StringBuilder word = new StringBuilder();
            if (line.charAt(i) == '"') {
                i = readQuoted(line, i + 1, word);
                if (i < n && line.charAt(i) != ' ') {
                    throw new RequestSyntaxException("a closing quote must be followed by a space");
                }
            } else {
                while (i < n && line.charAt(i) != ' ') {
                    word.append(line.charAt(i++));
                }
            }
            words.add(word.toString());
        }
    }

    /** Reads a quoted word whose opening quote is just before {@code i}; returns the index after the closing quote. */
    private static int readQuoted(String line, int i, StringBuilder word) throws RequestSyntaxException {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    break;
                }
                char escaped = line.charAt(i + 1);
                if (escaped != '"' && escaped != '\\') {
                    throw new RequestSyntaxException("only \\\" and \\\\ may be escaped in quotes");
                }
                word.append(escaped);
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new RequestSyntaxException("unterminated quote");
    }
}
