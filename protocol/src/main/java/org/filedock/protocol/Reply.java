package org.filedock.protocol;

import java.util.Objects;

/**
 * One server reply line: {@code OK@<text>}, {@code ERR@<CODE> <text>} or
 * {@code DISCONNECTED@<text>}. The code is kept as sent, so a client can carry a code from a
 * newer server that its {@link ErrorCode} does not know.
 */
public record Reply(Kind kind, String code, String text) {

    public enum Kind { OK, ERR, DISCONNECTED }

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if ((kind == Kind.ERR) != (code != null)) {
            throw new IllegalArgumentException("an ERR reply, and only that, carries a code");
        }
    }

    public static Reply ok(String text) {
        return new Reply(Kind.OK, null, text);
    }

    public static Reply error(ErrorCode code, String text) {
        return new Reply(Kind.ERR, code.name(), text);
    }

    public static Reply disconnected(String text) {
        return new Reply(Kind.DISCONNECTED, null, text);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    public boolean isError() {
        return kind == Kind.ERR;
    }

    public boolean isDisconnected() {
        return kind == Kind.DISCONNECTED;
    }

    /** The error code as an enum constant, or {@code null} when this is not an error or the code is unknown. */
    public ErrorCode errorCode() {
        if (code == null) {
            return null;
        }
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The line as sent on the wire, without its ending. */
    public String toLine() {
        return switch (kind) {
            case OK -> "OK@" + text;
            case ERR -> text.isEmpty() ? "ERR@" + code : "ERR@" + code + " " + text;
            case DISCONNECTED -> "DISCONNECTED@" + text;
        };
    }

    /** Parses a reply line (without its ending). */
    public static Reply parse(String line) throws ProtocolException {
        int at = line.indexOf('@');
        if (at < 0) {
            throw new ProtocolException("not a reply line: " + line);
        }
        String prefix = line.substring(0, at);
        String rest = line.substring(at + 1);
        switch (prefix) {
            case "OK":
                return ok(rest);
            case "DISCONNECTED":
                return disconnected(rest);
            case "ERR":
                int space = rest.indexOf(' ');
                String code = space < 0 ? rest : rest.substring(0, space);
                if (code.isEmpty()) {
                    throw new ProtocolException("error reply without a code: " + line);
                }
                return new Reply(Kind.ERR, code, space < 0 ? "" : rest.substring(space + 1));
            default:
                throw new ProtocolException("unknown reply kind: " + line);
        }
    }

    @Override
    public String toString() {
        return toLine();
    }
}
