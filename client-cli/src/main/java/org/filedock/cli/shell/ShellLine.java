package org.filedock.cli.shell;

import java.util.List;
import java.util.Optional;
import org.filedock.protocol.Quoting;
import org.filedock.protocol.RequestSyntaxException;

/** A line typed at the shell: a command word and its arguments, split with the protocol's quoting rules. */
public record ShellLine(String word, List<String> args) {

    public ShellLine {
        args = List.copyOf(args);
    }

    /**
     * Splits a line; empty when it holds no word at all.
     *
     * @throws RequestSyntaxException for an unterminated quote or a bad escape
     */
    public static Optional<ShellLine> parse(String line) throws RequestSyntaxException {
        // Names never contain control characters, so a tab can only be a separator.
        List<String> words = Quoting.split(line.replace('\t', ' '));
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ShellLine(words.get(0), words.subList(1, words.size())));
    }
}
