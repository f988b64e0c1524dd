package io.herdgate.rules.replay;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.detect.CalvingCalendar;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.params.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays a CSV of per-cow interval measures through the detection engine with one or more rule
 * sets in a single pass over the file.
 *
 * <p>Input: UTF-8, a header row naming {@code cow}, {@code timestamp} and any of the
 * {@link InputColumn measure columns} (other columns are ignored), one row per cow per interval; empty
 * fields are missing values. Timestamps are ISO-8601; one without offset is wall-clock time in
 * {@link #zone(ZoneId) the farm's zone} (default UTC). Each cow's interval is {@link #interval given}
 * or detected from her first rows. Raw {@code ax, ay, az} samples ({@link #rawSamples}) become one
 * observation per cow per minute through the feature extractor and behaviour classifier.
 *
 * <p>How it runs: a first quick pass finds the runs of rows of each cow. When the input is grouped by
 * cow, cows are split, in order of first appearance, into partitions of {@value #COWS_PER_PARTITION};
 * each partition merges its cows' rows hour by hour into its own engines (so the herd-level prior
 * sees the cows side by side, as live) and partitions run in parallel. The split does not depend on
 * the number of threads, so the output is the same on every machine. Input not grouped by cow is read
 * once in file order by one engine per rule set. Memory stays small whatever the file size.
 */
public final class Replay {

    /** Cows per partition: enough for a stable herd prior, few enough to use every core on a large herd. */
    public static final int COWS_PER_PARTITION = 64;

    private static final int CURSOR_BUFFER = 1 << 16;

    private final Path input;
    private final Optional<Duration> interval;
    private final ZoneId zone;
    private final boolean strict;
    private final int threads;
    private final CalvingCalendar calendar;
    private final Clock clock;
    private final Optional<RawSamples> raw;

    private Replay(Path input, Optional<Duration> interval, ZoneId zone, boolean strict, int threads,
                   CalvingCalendar calendar, Clock clock, Optional<RawSamples> raw) {
        this.raw = raw;
        this.input = Objects.requireNonNull(input, "input");
        this.interval = interval;
        this.zone = zone;
        this.strict = strict;
        this.threads = threads;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A replay of {@code input} with UTC, detected intervals, bad rows skipped, all cores. */
    public static Replay of(Path input) {
        return new Replay(input, Optional.empty(), ZoneOffset.UTC, false, Runtime.getRuntime().availableProcessors(),
                CalvingCalendar.none(), Clock.systemUTC(), Optional.empty());
    }

    /** Every cow's row interval, instead of detecting it (1 min .. 1 day). */
    public Replay interval(Duration d) {
        return new Replay(input, Optional.of(d), zone, strict, threads, calendar, clock, raw);
    }

    /** The farm's zone: how timestamps without offset are read and what the engines take as clock hours. */
    public Replay zone(ZoneId z) {
        return new Replay(input, interval, z, strict, threads, calendar, clock, raw);
    }

    /** Stop at the first bad row instead of skipping it. */
    public Replay strict(boolean s) {
        return new Replay(input, interval, zone, s, threads, calendar, clock, raw);
    }

    /** Threads for the partitions (at least 1); does not change the output. */
    public Replay threads(int n) {
        return new Replay(input, interval, zone, strict, Math.max(1, n), calendar, clock, raw);
    }

    /** Known calvings (from the herd data). */
    public Replay calendar(CalvingCalendar c) {
        return new Replay(input, interval, zone, strict, threads, c, clock, raw);
    }

    /** Clock handed to the engines (they use event time; the clock only matters for live ticks). */
    public Replay clock(Clock c) {
        return new Replay(input, interval, zone, strict, threads, calendar, c, raw);
    }

    /** How to read raw {@code ax, ay, az} input (needed for such input; ignored for interval measures). */
    public Replay rawSamples(RawSamples r) {
        return new Replay(input, interval, zone, strict, threads, calendar, clock, Optional.of(r));
    }

    /**
     * Runs the replay.
     *
     * @param ruleSets one entry per rule set to replay with (one for a replay, two for a comparison); none
     *                 only reads, checks and counts the input (no alarms)
     * @throws InputFormatException when the input cannot be replayed at all (header, raw samples)
     * @throws IOException          when the file cannot be read
     */
    public ReplayResult run(List<Rules> ruleSets) throws IOException, InputFormatException {
        String name = input.toString();
        try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
            String[] header = {null};
            long[] dataStart = {0};
            LineReader.read(ch, 0, 1, (b, from, to, i) -> {
                header[0] = new String(b, from, to - from, StandardCharsets.UTF_8);
                dataStart[0] = to - from + 1L;
                return false;
            });
            if (header[0] == null || header[0].isBlank()) {
                throw new InputFormatException(name + ":1", "no header row; expected cow,timestamp and measure columns");
            }
            String headerLine = header[0].startsWith("\uFEFF") ? header[0].substring(1) : header[0];
            CsvLayout layout = CsvLayout.of(headerLine, name);
            if (layout.raw() && raw.isEmpty()) {
                throw new InputFormatException(name + ":1", "raw accelerometer input (ax,ay,az) needs its sample rate"
                        + " (--rate HZ, and --unit ms2|g)");
            }
            String[] headers = headerLine.strip().split(",", -1);
            ProblemLog problems = new ProblemLog(strict);
            List<Partition> partitions = partitions(ch, dataStart[0], layout, headers, problems, ruleSets, name);
            runAll(partitions);
            long watermark = partitions.stream().mapToLong(Partition::maxEndSeconds).max().orElse(Long.MIN_VALUE);
            if (watermark != Long.MIN_VALUE && !problems.stopped()) {
                partitions.forEach(p -> p.finish(Instant.ofEpochSecond(watermark)));
            }
            return result(partitions, problems, ruleSets.size(), layout, intervalSource(layout));
        }
    }

    private List<Partition> partitions(FileChannel ch, long dataStart, CsvLayout layout, String[] headers,
                                       ProblemLog problems, List<Rules> ruleSets, String name) throws IOException {
        SegmentScanner.Scan scan = SegmentScanner.scan(ch, dataStart, layout.cow(), 100_000);
        Map<String, Integer> cowOrder = new HashMap<>();
        for (Segment s : scan.segments()) {
            cowOrder.putIfAbsent(s.cow(), cowOrder.size());
        }
        // many more runs than cows: rows of cows interleave (e.g. sorted by time), so runs are no help
        boolean grouped = scan.grouped() && scan.segments().size() <= Math.max(1000, 4 * cowOrder.size());
        List<Partition> out = new ArrayList<>();
        if (!grouped) {
            out.add(partition(List.of(cursor(ch, dataStart, ch.size(), 2, layout, headers, problems, name, 1 << 20)),
                    ruleSets, problems, name, layout));
            return out;
        }
        Map<Integer, List<RowCursor>> byPartition = new TreeMap<>();
        for (Segment s : scan.segments()) {
            int p = cowOrder.get(s.cow()) / COWS_PER_PARTITION;
            byPartition.computeIfAbsent(p, k -> new ArrayList<>())
                    .add(cursor(ch, s.from(), s.to(), s.firstLine(), layout, headers, problems, name, CURSOR_BUFFER));
        }
        for (List<RowCursor> cursors : byPartition.values()) {
            out.add(partition(cursors, ruleSets, problems, name, layout));
        }
        return out;
    }

    private RowCursor cursor(FileChannel ch, long from, long to, long firstLine, CsvLayout layout, String[] headers,
                             ProblemLog problems, String name, int buffer) {
        LineParser parser = new LineParser(name, layout, new TimestampReader(zone), headers);
        return new RowCursor(ch, from, to, firstLine, parser, problems, buffer);
    }

    private Partition partition(List<RowCursor> cursors, List<Rules> ruleSets, ProblemLog problems, String name,
                                CsvLayout layout) {
        List<DetectionEngine> engines = new ArrayList<>();
        List<AlarmCollector> collectors = new ArrayList<>();
        for (Rules r : ruleSets) {
            AlarmCollector c = new AlarmCollector();
            collectors.add(c);
            engines.add(DetectionEngine.builder().rules(r).zone(zone).clock(clock).calendar(calendar).listener(c).build());
        }
        return new Partition(name, cursors, engines, collectors, problems, interval,
                layout.raw() ? raw : Optional.empty());
    }

    private void runAll(List<Partition> partitions) throws IOException {
        if (partitions.size() == 1 || threads == 1) {
            for (Partition p : partitions) {
                p.run();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, partitions.size()), r -> {
            Thread t = new Thread(r, "replay");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Partition p : partitions) {
                futures.add(pool.submit(() -> {
                    try {
                        p.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("replay interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private String intervalSource(CsvLayout layout) {
        if (layout.raw()) {
            return "per minute from raw samples at " + raw.get().rate().hz() + " Hz";
        }
        return interval.isPresent() ? "from --interval" : "detected per cow";
    }

    private ReplayResult result(List<Partition> partitions, ProblemLog problems, int ruleSetCount, CsvLayout layout,
                                String intervalSource) {
        List<List<Alarm>> alarms = new ArrayList<>();
        for (int i = 0; i < ruleSetCount; i++) {
            List<Alarm> all = new ArrayList<>();
            for (Partition p : partitions) {
                all.addAll(p.alarms(i));
            }
            all.sort(AlarmCollector.ORDER);
            alarms.add(all);
        }
        long lines = 0;
        int cows = 0;
        long covered = 0;
        Map<Duration, Integer> intervals = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Partition p : partitions) {
            lines += p.lines();
            for (CowFeed f : p.feeds().values()) {
                if (f.rows > 0) {
                    cows++;
                }
                covered += f.coveredSeconds;
            }
            p.intervals().forEach((d, n) -> intervals.merge(d, n, Integer::sum));
            notes.addAll(p.notes());
        }
        ReplayStats stats = new ReplayStats(lines, problems.count(), cows, covered / 86400.0, intervals,
                intervalSource, partitions.size(), layout.ignored());
        return new ReplayResult(alarms, stats, problems.kept(), strict && problems.stopped(), notes);
    }
}
