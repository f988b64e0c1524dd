package io.herdgate.rules.replay;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule change does, alarm by alarm. An alarm before and one after are the same alarm when they
 * are of the same cow and type and were raised at most {@code tolerance} apart; pairs are matched
 * closest first (ties: earlier alarm first), each alarm at most once. Unmatched alarms before are
 * removed by the change, unmatched ones after are added.
 *
 * @param tolerance how far apart matched alarms may be raised
 * @param removed   alarms only the old rules raise, in output order
 * @param added     alarms only the new rules raise, in output order
 * @param kept      number of matched pairs
 * @param before    alarms per type with the old rules
 * @param after     alarms per type with the new rules
 */
public record AlarmComparison(Duration tolerance, List<Alarm> removed, List<Alarm> added, int kept,
                              Map<AlarmType, Integer> before, Map<AlarmType, Integer> after) {

    /** Default matching tolerance: half a day, so a heat raised one block earlier is still the same heat. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofHours(12);

    public AlarmComparison {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    public static AlarmComparison of(List<Alarm> before, List<Alarm> after, Duration tolerance) {
        record Pair(int b, int a, long gap) {
        }
        List<Pair> pairs = new ArrayList<>();
        long tol = tolerance.getSeconds();
        record Track(CowId cow, AlarmType type) {
        }
        Map<Track, List<Integer>> afterByTrack = new HashMap<>();
        for (int j = 0; j < after.size(); j++) {
            afterByTrack.computeIfAbsent(new Track(after.get(j).cow(), after.get(j).type()), k -> new ArrayList<>()).add(j);
        }
        for (int i = 0; i < before.size(); i++) {
            Alarm x = before.get(i);
            for (int j : afterByTrack.getOrDefault(new Track(x.cow(), x.type()), List.of())) {
                long gap = Math.abs(Duration.between(x.raisedAt(), after.get(j).raisedAt()).getSeconds());
                if (gap <= tol) {
                    pairs.add(new Pair(i, j, gap));
                }
            }
        }
        pairs.sort(Comparator.comparingLong(Pair::gap).thenComparingInt(Pair::b).thenComparingInt(Pair::a));
        boolean[] usedBefore = new boolean[before.size()];
        boolean[] usedAfter = new boolean[after.size()];
        int kept = 0;
        for (Pair p : pairs) {
            if (!usedBefore[p.b()] && !usedAfter[p.a()]) {
                usedBefore[p.b()] = true;
                usedAfter[p.a()] = true;
                kept++;
            }
        }
        List<Alarm> removed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!usedBefore[i]) {
                removed.add(before.get(i));
            }
        }
        List<Alarm> added = new ArrayList<>();
        for (int j = 0; j < after.size(); j++) {
            if (!usedAfter[j]) {
                added.add(after.get(j));
            }
        }
        return new AlarmComparison(tolerance, removed, added, kept, count(before), count(after));
    }

    static Map<AlarmType, Integer> count(List<Alarm> alarms) {
        Map<AlarmType, Integer> m = new EnumMap<>(AlarmType.class);
        for (AlarmType t : AlarmType.values()) {
            m.put(t, 0);
        }
        alarms.forEach(a -> m.merge(a.type(), 1, Integer::sum));
        return m;
    }
}
