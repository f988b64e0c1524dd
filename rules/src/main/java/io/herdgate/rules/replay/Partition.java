package io.herdgate.rules.replay;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.observe.MinuteObserver;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A set of cows replayed together through one engine per rule set: their row cursors are merged hour
 * by hour (as a live gateway would see the herd, to within an hour), so the engines' herd-level prior
 * sees the cows side by side. Not thread-safe: one thread runs one partition.
 */
final class Partition {

    /** Merge slice: one clock hour, in seconds. */
    private static final long SLICE = 3600;

    private final List<RowCursor> cursors;
    private final List<DetectionEngine> engines;
    private final List<AlarmCollector> collectors;
    private final ProblemLog problems;
    private final String file;
    private final Duration givenInterval;
    private final RawSamples raw;

    private final Map<String, CowFeed> feeds = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String lastCow;
    private CowFeed lastFeed;
    private long maxEndSeconds = Long.MIN_VALUE;

    Partition(String file, List<RowCursor> cursors, List<DetectionEngine> engines, List<AlarmCollector> collectors,
              ProblemLog problems, Optional<Duration> givenInterval, Optional<RawSamples> raw) {
        this.raw = raw.orElse(null);
        this.file = file;
        this.cursors = cursors;
        this.engines = engines;
        this.collectors = collectors;
        this.problems = problems;
        this.givenInterval = givenInterval.orElse(null);
    }

    /** Replays every row of the partition's cursors. */
    void run() throws IOException {
        if (cursors.size() == 1) {
            RowCursor c = cursors.get(0);
            while (!problems.stopped() && c.advance()) {
                accept(c.row());
            }
        } else {
            mergeByHour();
        }
        for (CowFeed f : feeds.values()) {
            if (f.waitingForInterval() && !problems.stopped()) {
                settleInterval(f);
            }
        }
    }

    /** Lets the engines see that event time reached {@code watermark} (offline alarms at the end). */
    void finish(Instant watermark) {
        for (DetectionEngine e : engines) {
            e.advanceTo(watermark);
        }
    }

    long maxEndSeconds() {
        return maxEndSeconds;
    }

    /** Data lines read by the partition's cursors (good and bad). */
    long lines() {
        long n = 0;
        for (RowCursor c : cursors) {
            n += c.lines();
        }
        return n;
    }

    Map<String, CowFeed> feeds() {
        return feeds;
    }

    List<String> notes() {
        return notes;
    }

    /**
     * Feeds the cursors hour by hour: every cursor's rows of one clock hour (epoch-aligned), in cursor
     * order, then the next hour. The engines thus see the herd side by side to within an hour, as live,
     * while each cursor reads a run of contiguous rows at a time (a row-by-row merge of many files'
     * worth of cursors thrashes the caches).
     */
    private void mergeByHour() throws IOException {
        List<RowCursor> active = new ArrayList<>();
        long first = Long.MAX_VALUE;
        for (RowCursor c : cursors) {
            if (c.advance()) {
                active.add(c);
                first = Math.min(first, c.row().seconds);
            }
        }
        long sliceEnd = Math.floorDiv(first, SLICE) * SLICE + SLICE;
        while (!active.isEmpty() && !problems.stopped()) {
            long next = Long.MAX_VALUE;
            for (int i = 0; i < active.size(); i++) {
                RowCursor c = active.get(i);
                boolean more = true;
                while (c.row().seconds < sliceEnd && (more = feed(c))) {
                    // rows of this hour
                }
                if (!more) {
                    active.remove(i--);
                } else {
                    next = Math.min(next, c.row().seconds);
                }
            }
            sliceEnd = Math.max(sliceEnd, Math.floorDiv(next, SLICE) * SLICE) + SLICE; // skip hours nobody has data for
        }
    }

    private boolean feed(RowCursor c) throws IOException {
        accept(c.row());
        return c.advance();
    }

    private void accept(ParsedRow row) {
        CowFeed feed;
        if (row.cow == lastCow) {
            feed = lastFeed;
        } else {
            feed = feeds.get(row.cow);
            if (feed == null) {
                try {
                    feed = new CowFeed(CowId.of(row.cow), raw != null ? Observation.MIN_LENGTH : givenInterval);
                } catch (IllegalArgumentException e) {
                    problems.report(RowProblem.of(file, row.line, "cow", "'" + row.cow
                            + "' is not a cow id (1..64 characters, no control characters)"));
                    return;
                }
                feeds.put(row.cow, feed);
            }
            lastCow = row.cow;
            lastFeed = feed;
        }
        if (raw != null) {
            sample(feed, row);
            return;
        }
        if (feed.waitingForInterval()) {
            int n = feed.pending;
            if (n > 0 && !after(row.seconds, row.nanos, feed.pendingSeconds[n - 1], feed.pendingNanos[n - 1])) {
                outOfOrder(row.line, row.seconds, feed);
                return;
            }
            feed.pendingSeconds[n] = row.seconds;
            feed.pendingNanos[n] = row.nanos;
            feed.pendingLines[n] = row.line;
            feed.pendingMeasures[n] = row.measures().clone();
            feed.pending++;
            if (feed.pending == IntervalEstimator.SAMPLE) {
                settleInterval(feed);
            }
            return;
        }
        emit(feed, row.seconds, row.nanos, row.line, row.measures());
    }

    private static boolean after(long s, int n, long ps, int pn) {
        return s > ps || (s == ps && n > pn);
    }

    private void settleInterval(CowFeed feed) {
        Optional<Duration> d = IntervalEstimator.estimate(feed.pendingSeconds, feed.pending);
        if (d.isEmpty() || d.get().compareTo(Observation.MIN_LENGTH) < 0 || d.get().compareTo(Observation.MAX_LENGTH) > 0) {
            notes.add("cow " + feed.cow + ": " + feed.pending + " row(s)"
                    + d.map(x -> " " + x.toMinutes() + " min apart").orElse("")
                    + ", cannot tell a row interval of 1 min..1 day; not replayed (give --interval)");
            feed.pending = 0;
            feed.interval(Duration.ZERO); // settled: her further rows are not replayed (see emit)
            return;
        }
        feed.interval(d.get());
        for (int i = 0; i < feed.pending; i++) {
            emit(feed, feed.pendingSeconds[i], feed.pendingNanos[i], feed.pendingLines[i], feed.pendingMeasures[i]);
        }
        feed.pending = 0;
    }

    private void emit(CowFeed feed, long seconds, int nanos, long line, double[] m) {
        if (feed.intervalSeconds == 0) {
            return;
        }
        if (seconds < feed.lastEndSeconds) {
            outOfOrder(line, seconds, feed);
            return;
        }
        double minutes = feed.intervalSeconds / 60.0;
        double rumination = m[InputColumn.RUMINATION_MIN.ordinal()];
        double lying = m[InputColumn.LYING_MIN.ordinal()];
        if (rumination > minutes || lying > minutes) {
            String field = rumination > minutes ? "rumination_min" : "lying_min";
            problems.report(RowProblem.of(file, line, field, fmt(Math.max(rumination > minutes ? rumination : 0,
                    lying > minutes ? lying : 0)) + " is more than the row interval of cow " + feed.cow + " ("
                    + fmt(minutes) + " min)"));
            return;
        }
        if (!engines.isEmpty()) {
            Observation o = new Observation(feed.cow, Instant.ofEpochSecond(seconds, nanos), feed.interval,
                    m[InputColumn.ACTIVITY.ordinal()], rumination, lying, m[InputColumn.LYING_BOUTS.ordinal()],
                    m[InputColumn.STEPS.ordinal()], m[InputColumn.MOTION_INDEX.ordinal()], Double.NaN, Double.NaN,
                    Double.NaN);
            for (DetectionEngine e : engines) {
                e.accept(o);
            }
        }
        counted(feed, seconds);
    }

    /**
     * One raw sample: into the cow's minute observer, restarted at this sample when it comes more than
     * two sample periods late (a gap; the unfinished minute is dropped) or early (out of order).
     */
    private void sample(CowFeed feed, ParsedRow row) {
        double t = row.seconds + row.nanos / 1e9;
        double period = raw.rate().periodS();
        if (feed.observer != null && t < feed.nextSampleDue - period / 2) {
            outOfOrder(row.line, row.seconds, feed);
            return;
        }
        if (feed.observer == null || t > feed.nextSampleDue + 2 * period) {
            // The posture reference is the cow's: it survives the gap, the unfinished minute does not.
            PostureReference posture = feed.observer == null ? PostureReference.EMPTY : feed.observer.posture();
            feed.observer = MinuteObserver.of(feed.cow, Instant.ofEpochSecond(row.seconds, row.nanos), raw.rate(),
                    raw.unit(), raw.classifier(), posture);
        }
        feed.nextSampleDue = t + period;
        double[] a = row.axes();
        Optional<Observation> minute = feed.observer.add(a[0], a[1], a[2]);
        if (minute.isPresent()) {
            Observation o = minute.get();
            for (DetectionEngine e : engines) {
                e.accept(o);
            }
            counted(feed, o.start().getEpochSecond());
        }
    }

    private void counted(CowFeed feed, long seconds) {
        feed.rows++;
        feed.coveredSeconds += feed.intervalSeconds;
        long endSeconds = seconds + feed.intervalSeconds;
        feed.lastEndSeconds = endSeconds;
        if (endSeconds > maxEndSeconds) {
            maxEndSeconds = endSeconds;
        }
    }

    private void outOfOrder(long line, long seconds, CowFeed feed) {
        problems.report(RowProblem.of(file, line, "timestamp", Instant.ofEpochSecond(seconds)
                + " is not after the previous row of cow " + feed.cow
                + " (a cow's rows must be in time order, one per interval)"));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Interval of every replayed cow, for the summary. */
    Map<Duration, Integer> intervals() {
        Map<Duration, Integer> out = new TreeMap<>();
        for (CowFeed f : feeds.values()) {
            if (f.interval != null && f.intervalSeconds > 0) {
                out.merge(f.interval, 1, Integer::sum);
            }
        }
        return out;
    }

    /** Collected alarms of rule set {@code i}. */
    List<Alarm> alarms(int i) {
        return collectors.get(i).alarms();
    }
}
