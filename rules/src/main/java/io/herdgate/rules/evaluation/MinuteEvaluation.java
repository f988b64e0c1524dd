package io.herdgate.rules.evaluation;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code minute/icetag_*.csv}: the IceTag motion index serves as activity. Gaps are cut with a fixed
 * seed: per cow {@value #SHORT_GAPS} gaps of 1..90 min (most short, as radio losses are) and
 * {@value #LONG_GAPS} of 2..12 h; every other gap is written as empty observations instead of absent rows.
 */
final class MinuteEvaluation {

    static final int SHORT_GAPS = 500;
    static final int LONG_GAPS = 8;
    private static final long SEED = 20_240_611L;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Set<AlarmType> GAP_SENSITIVE = Set.of(AlarmType.HEAT, AlarmType.ILLNESS, AlarmType.NO_MOTION);

    record Gap(Instant start, Instant end) {
        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    private MinuteEvaluation() {
    }

    static List<List<Observation>> load(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("icetag_.*\\.csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) {
            throw new DataFormatException(dir, 0, "no icetag_*.csv files");
        }
        List<List<Observation>> cows = new ArrayList<>();
        for (Path f : files) {
            List<Observation> obs = new ArrayList<>();
            for (Csv.Row r : Csv.read(f)) {
                // The partial first minute starts mid-minute; the engine wants whole minutes end to end.
                Instant t = r.time("timestamp");
                Instant start = t.minusSeconds(t.getEpochSecond() % 60);
                obs.add(Observation.builder(CowId.of(r.text("cow")), start, MINUTE)
                        .motionIndex(r.number("motion_index")).activity(r.number("motion_index"))
                        .steps(r.number("steps")).lyingMin(r.number("lying_min"))
                        .lyingBouts(r.number("lying_bouts")).build());
            }
            cows.add(obs);
        }
        return cows;
    }

    static MinuteFigures run(Path dir, Rules rules, double offlineAfterMin) {
        List<List<Observation>> cows = load(dir);
        List<Observation> complete = cows.stream().flatMap(List::stream).toList();
        List<Alarm> full = EngineRun.raised(complete, rules);
        int noMotion = (int) full.stream().filter(a -> a.type() == AlarmType.NO_MOTION).count();
        int calving = (int) full.stream().filter(a -> a.type() == AlarmType.CALVING).count();

        List<Gap> gaps = new ArrayList<>();
        List<Alarm> withGaps = EngineRun.raised(gapped(cows, gaps), rules);
        List<Alarm> offline = withGaps.stream().filter(a -> a.type() == AlarmType.OFFLINE).toList();
        int longGaps = 0;
        int inLongGaps = 0;
        for (Gap g : gaps) {
            if (g.minutes() > offlineAfterMin) {
                longGaps++;
                if (offline.stream().anyMatch(a -> !a.raisedAt().isBefore(g.start()) && a.raisedAt().isBefore(g.end()))) {
                    inLongGaps++;
                }
            }
        }
        return new MinuteFigures(complete.size() / 1440.0, noMotion, gaps.size(), longGaps, offline.size(),
                inLongGaps, causedByGaps(full, withGaps).size(), calving);
    }

    /**
     * The heat, illness and cow-down alarms of the gapped run that the complete run has not: none of the
     * same type for the same cow within 24 h.
     */
    static List<Alarm> causedByGaps(List<Alarm> full, List<Alarm> withGaps) {
        return withGaps.stream().filter(a -> GAP_SENSITIVE.contains(a.type()) && full.stream().noneMatch(b ->
                b.cow().equals(a.cow()) && b.type() == a.type()
                        && Duration.between(b.raisedAt(), a.raisedAt()).abs().compareTo(Duration.ofHours(24)) <= 0))
                .toList();
    }

    /** The cows' observations with gaps cut (fixed seed); adds each gap to {@code gaps}. */
    static List<Observation> gapped(List<List<Observation>> cows, List<Gap> gaps) {
        return gapped(cows, gaps, SEED);
    }

    /** The same with gaps cut at other places ({@code seed}), to see how much the figure depends on them. */
    static List<Observation> gapped(List<List<Observation>> cows, List<Gap> gaps, long seed) {
        Random random = new Random(seed);
        List<Observation> gapped = new ArrayList<>();
        for (List<Observation> cow : cows) {
            gapped.addAll(cut(cow, random, gaps));
        }
        return gapped;
    }

    /** The cow's observations with gaps cut; adds each gap (first missing minute to first minute back). */
    private static List<Observation> cut(List<Observation> cow, Random random, List<Gap> gaps) {
        int n = cow.size();
        boolean[] missing = new boolean[n];
        int total = SHORT_GAPS + LONG_GAPS;
        for (int g = 0; g < total; g++) {
            double u = random.nextDouble();
            int len = g < SHORT_GAPS ? 1 + (int) (89 * u * u) : 120 + random.nextInt(601);
            int at = 1 + random.nextInt(n - len - 2);
            boolean free = true;
            // A minute of data on each side keeps gaps apart, so every gap is one gap.
            for (int i = at - 1; i <= at + len && free; i++) {
                free = !missing[i];
            }
            if (free) {
                for (int i = at; i < at + len; i++) {
                    missing[i] = true;
                }
            }
        }
        List<Observation> out = new ArrayList<>(n);
        int gapNo = 0;
        for (int i = 0; i < n; i++) {
            Observation o = cow.get(i);
            if (!missing[i]) {
                out.add(o);
                continue;
            }
            if (i == 0 || !missing[i - 1]) {
                int j = i;
                while (j < n && missing[j]) {
                    j++;
                }
                gaps.add(new Gap(o.start(), cow.get(j).start()));
                gapNo++;
            }
            if (gapNo % 2 == 0) {
                out.add(Observation.empty(o.cow(), o.start(), o.length()));
            }
        }
        return out;
    }
}
