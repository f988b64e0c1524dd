package io.herdgate.sim.collar;

import io.herdgate.protocol.message.ActivitySummary;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.message.Uplink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The collar's RAM buffer of uplinks not yet on air. Bounded: when full, the oldest entry is dropped
 * and counted, because the gateway's alarms need the newest data most; the drop count goes out in the
 * next status frame. Messages are stored with their reference instant and given their age fields when
 * they are sent, so a buffered batch still dates its samples right.
 */
final class Outbox {

    /** An uplink waiting in the buffer; {@code reference} is the instant its age field counts from. */
    record Entry(Uplink message, Instant reference, boolean ackRequested) {

        /** The message with its age field set for sending at {@code sendTime}. */
        Uplink agedFor(Instant sendTime) {
            long ageMs = Math.max(0, Duration.between(reference, sendTime).toMillis());
            if (message instanceof SampleBatch b) {
                return SampleBatch.of(Math.min(ageMs, 0xFFFF_FFFFL), b.rateCentiHz(), b.range(), b.xyz());
            }
            if (message instanceof ActivitySummary s) {
                return ActivitySummary.of(Math.min(ageMs / 1000, 0xFFFF_FFFFL), s.intervalS(), s.intervals());
            }
            if (message instanceof CollarEvent e) {
                return CollarEvent.of(e.kind(), Math.min(ageMs, 0xFFFF_FFFFL), e.peakMilliG(), e.durationMs());
            }
            return message;
        }
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries;
    private long dropped;

    Outbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity must be at least 1 frame, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    void add(Entry e) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(e);
    }

    /** Hands every entry, oldest first, to {@code sender} and empties the buffer. */
    void drain(Consumer<Entry> sender) {
        while (!entries.isEmpty()) {
            sender.accept(entries.removeFirst());
        }
    }

    int size() {
        return entries.size();
    }

    long dropped() {
        return dropped;
    }

    /** Forgets everything (RAM lost at a reset), including the drop count. */
    void clear() {
        entries.clear();
        dropped = 0;
    }
}
