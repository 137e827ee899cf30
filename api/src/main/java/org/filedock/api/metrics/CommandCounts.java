package org.filedock.api.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

import org.filedock.protocol.ErrorCode;
import org.filedock.protocol.Reply;

/**
 * The commands answered, by command word, and their error replies by code. A client chooses the
 * words it sends, so the words are bounded: a word the server does not know is counted as
 * {@value #UNKNOWN}, and beyond {@value #MAX_WORDS} distinct words (which the protocol never
 * reaches) the rest as {@value #OTHER}.
 */
public final class CommandCounts {

    public static final String UNKNOWN = "UNKNOWN";
    public static final String OTHER = "OTHER";
    static final int MAX_WORDS = 64;

    private final ConcurrentMap<String, LongAdder> byWord = new ConcurrentHashMap<>();
    private final Map<ErrorCode, LongAdder> errors = new EnumMap<>(ErrorCode.class);
    /** Told of every word the first time it is counted (the metrics binding registers a meter). */
    private volatile BiConsumer<String, LongAdder> onNewWord = (word, count) -> { };

    public CommandCounts() {
        for (ErrorCode code : ErrorCode.values()) {
            errors.put(code, new LongAdder());
        }
    }

    /**
     * One command ran. {@code reply} is its final reply, or {@code null} when the command sent
     * its own (a download's {@code OK@<size>} and payload; the client's {@code COMPLETE} is a
     * command of its own).
     */
    public void answered(String verb, Reply reply) {
        ErrorCode code = reply == null ? null : reply.errorCode();
        String word = code == ErrorCode.UNKNOWN_COMMAND ? UNKNOWN : verb;
        LongAdder count = byWord.get(word);
        if (count == null) {
            count = counterOf(word);
        }
        count.increment();
        if (code != null) {
            errors.get(code).increment();
        }
    }

    /** A line that is no command (not UTF-8, bad quoting): answered {@code ERR@BAD_REQUEST}, counted by its code only. */
    public void unparsed() {
        errors.get(ErrorCode.BAD_REQUEST).increment();
    }

    /** Calls {@code action} for each word counted so far and, from now on, for each new one. */
    public synchronized void eachWord(BiConsumer<String, LongAdder> action) {
        onNewWord = action;
        byWord.forEach(action);
    }

    public long count(String word) {
        LongAdder count = byWord.get(word);
        return count == null ? 0 : count.sum();
    }

    public long errors(ErrorCode code) {
        return errors.get(code).sum();
    }

    public Map<ErrorCode, LongAdder> errorCounts() {
        return errors;
    }

    private synchronized LongAdder counterOf(String word) {
        String counted = byWord.containsKey(word) || byWord.size() < MAX_WORDS ? word : OTHER;
        LongAdder count = byWord.get(counted);
        if (count == null) {
            count = new LongAdder();
            byWord.put(counted, count);
            onNewWord.accept(counted, count);
        }
        return count;
    }
}
