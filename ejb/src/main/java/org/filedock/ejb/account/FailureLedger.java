package org.filedock.ejb.account;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins per key (a client address, or a user name) within a window; a key that reaches
 * the threshold is locked for the cool-off. Thread-safe. Memory is bounded: at most
 * {@code capacity} keys; when full, expired keys go first, then the least recently used unlocked
 * one, and only if every key is locked the least recently used of those.
 */
final class FailureLedger {

    private static final class Entry {
        long windowStart;
        int failures;
        /** 0: not locked. */
        long lockedUntil;
    }

    private final int threshold;
    private final long windowNanos;
    private final long coolOffNanos;
    private final int capacity;
    private final LongSupplier clock;
    /** In access order: the eldest is the least recently used. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    FailureLedger(int threshold, Duration window, Duration coolOff, int capacity, LongSupplier nanoClock) {
        if (threshold < 1 || capacity < 1) {
            throw new IllegalArgumentException("threshold and capacity must be positive");
        }
        this.threshold = threshold;
        this.windowNanos = window.toNanos();
        this.coolOffNanos = coolOff.toNanos();
        this.capacity = capacity;
        this.clock = nanoClock;
    }

    synchronized boolean isLocked(String key) {
        Entry entry = entries.get(key);
        return entry != null && locked(entry, clock.getAsLong());
    }

    /** Counts a failure; @return whether it locked the key (the threshold was reached just now). */
    synchronized boolean failed(String key) {
        long now = clock.getAsLong();
        Entry entry = entries.get(key);
        if (entry == null) {
            makeRoom(now);
            entry = new Entry();
            entry.windowStart = now;
            entries.put(key, entry);
        } else if (locked(entry, now)) {
            return false; // refused attempts do not reach the ledger; nothing to add
        } else if (now - entry.windowStart > windowNanos || entry.lockedUntil != 0) {
            entry.windowStart = now;
            entry.failures = 0;
            entry.lockedUntil = 0;
        }
        entry.failures++;
        if (entry.failures >= threshold) {
            entry.lockedUntil = now + coolOffNanos;
            return true;
        }
        return false;
    }

    /** Forgets the key's failures (not a running lock). */
    synchronized void clear(String key) {
        Entry entry = entries.get(key);
        if (entry != null && !locked(entry, clock.getAsLong())) {
            entries.remove(key);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private boolean locked(Entry entry, long now) {
        return entry.lockedUntil != 0 && entry.lockedUntil - now > 0;
    }

    private boolean expired(Entry entry, long now) {
        return !locked(entry, now) && now - entry.windowStart > windowNanos;
    }

    private void makeRoom(long now) {
        if (entries.size() < capacity) {
            return;
        }
        entries.values().removeIf(entry -> expired(entry, now));
        if (entries.size() < capacity) {
            return;
        }
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            if (!locked(it.next().getValue(), now)) {
                it.remove();
                return;
            }
        }
        Iterator<String> eldest = entries.keySet().iterator();
        eldest.next();
        eldest.remove();
    }
}
