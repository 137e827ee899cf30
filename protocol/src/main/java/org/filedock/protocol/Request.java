package org.filedock.protocol;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One request line: the command word (upper-cased) and its arguments, unquoted. */
public record Request(String verb, List<String> args) {

    public Request {
        verb = verb.toUpperCase(Locale.ROOT);
        args = List.copyOf(args);
    }

    public static Request of(String verb, String... args) {
        return new Request(verb, List.of(args));
    }

    /**
     * Parses a request line.
     *
     * @throws RequestSyntaxException for an empty line or bad quoting
     */
    public static Request parse(String line) throws RequestSyntaxException {
        List<String> words = Quoting.split(line);
        if (words.isEmpty()) {
            throw new RequestSyntaxException("empty line");
        }
        return new Request(words.get(0), words.subList(1, words.size()));
    }

    public String arg(int index) {
        return args.get(index);
    }

    /** The line as sent on the wire, without its ending. */
    public String toLine() {
        if (args.isEmpty()) {
            return verb;
        }
        return verb + " " + args.stream().map(Quoting::quote).collect(Collectors.joining(" "));
    }

    /** For logs and messages: a {@code LOGIN}'s password never shows (contract §8). */
    @Override
    public String toString() {
        if (!verb.equals("LOGIN")) {
            return "Request[" + toLine() + "]";
        }
        return "Request[LOGIN" + (args.isEmpty() ? "" : " " + Quoting.quote(args.get(0)))
                + (args.size() > 1 ? " (password hidden)" : "") + "]";
    }
}
