package io.herdgate.rules.detect;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Streaming detection over many cows. Feed each cow's observations in event-time order (cows may be
 * interleaved; for the herd prior, interleave them in time order as they arrive live); the engine
 * calls its {@link AlarmListener} for every raised, updated and cleared alarm, in event time.
 *
 * <p>Work per observation is O(1) amortised; state per cow is bounded (a few KB with the defaults,
 * independent of the observation interval). Output is a pure function of the input sequence, the rules
 * and the calendar: {@link #writeSnapshot(OutputStream)} then {@link Builder#restore(InputStream)} and feeding the rest gives
 * exactly the events of an uninterrupted run. Not thread-safe: one thread feeds one engine.
 */
public interface DetectionEngine {

    /** Uses one observation; events it causes reach the listener before this returns. */
    Outcome accept(Observation observation);

    /**
     * Declares that event time has reached {@code watermark} for every cow: cows silent for longer than
     * their offline threshold get their offline alarm (raised at last data + threshold). Replays call it
     * at the end of the input or periodically; live gateways call {@link #tick()}.
     */
    void advanceTo(Instant watermark);

    /**
     * Declares that the gateway could not hear any collar until {@code at} (it was down, or its clock was
     * stepped forward): silence before {@code at} is not held against a collar, so a cow's offline
     * threshold counts from {@code at} (or her last data, if later). A collar already offline stays
     * offline. Call it before feeding anything dated after the gap.
     */
    void resumeAt(Instant at);

    /** {@link #advanceTo(Instant)} with the engine clock's now. */
    void tick();

    /** Re-resolves every known cow's rule set (e.g. after a configuration reload). */
    void updateRules(Rules rules);

    /** Alarms active now, ordered by cow then type; immutable. */
    List<Alarm> activeAlarms();

    /** Cows seen so far, sorted; immutable. */
    List<CowId> cows();

    /**
     * Writes the serialized state of every cow and of the herd prior (not the rules, listener or clock) to
     * {@code out}, cow by cow, holding no copy of it: a large herd's state (about 12 KB a cow) is streamed
     * to storage instead of being built in the heap. Does not close {@code out}.
     *
     * @throws IOException when {@code out} fails
     */
    void writeSnapshot(OutputStream out) throws IOException;

    /** The bytes {@link #writeSnapshot(OutputStream)} writes, as one array (tests and small herds). */
    default byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeSnapshot(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a byte array
        }
        return bytes.toByteArray();
    }

    /** Bytes {@link #snapshot()} would give for this cow alone (to measure state size). */
    int stateBytes(CowId cow);

    static Builder builder() {
        return new Builder();
    }

    /** Configures an engine; every setting has a default. */
    final class Builder {
        private Rules rules = Rules.defaults();
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("UTC");
        private AlarmListener listener = e -> { };
        private CalvingCalendar calendar = CalvingCalendar.none();
        private boolean baselineCache = true;

        private Builder() {
        }

        /** Rules per cow; default the shipped defaults for every cow. */
        public Builder rules(Rules rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** Clock for {@link #tick()}; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The farm's time zone, which defines clock windows (hour of day); default UTC. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder listener(AlarmListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder calendar(CalvingCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /**
         * Whether each cow keeps the pooled sums of her earlier days' clock hours that heat and illness
         * baselines read (up to 2.5 KB a cow). Default true: a replay then reads each hour's pooled sum once
         * instead of once per window it falls in (about 15 % of a replay's CPU time). A live gateway closes
         * one hour a cow an hour and turns it off to save the memory. Alarms are the same either way.
         */
        public Builder baselineCache(boolean keep) {
            this.baselineCache = keep;
            return this;
        }

        public DetectionEngine build() {
            return new StreamingEngine(rules, clock, zone, listener, calendar, baselineCache);
        }

        /**
         * An engine that continues from {@code snapshot}. The rules are resolved afresh; a cow whose new
         * rule set needs a ring of another size ({@code baseline.days} or a window changed) starts a new
         * warm-up.
         *
         * @throws SnapshotException when the bytes are not a snapshot of this version
         */
        public DetectionEngine restore(byte[] snapshot) {
            return restore(new ByteArrayInputStream(snapshot));
        }

        /**
         * {@link #restore(byte[])} reading the snapshot from {@code in} (up to its end; not closed), so a
         * large herd's state is never held twice.
         *
         * @throws SnapshotException when the bytes are not a snapshot of this version, or {@code in} fails
         */
        public DetectionEngine restore(InputStream in) {
            StreamingEngine engine = new StreamingEngine(rules, clock, zone, listener, calendar, baselineCache);
            engine.restore(in);
            return engine;
        }
    }
}
