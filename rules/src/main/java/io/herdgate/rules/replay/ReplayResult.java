package io.herdgate.rules.replay;

import io.herdgate.rules.alarm.Alarm;
import java.util.List;

/**
 * The outcome of a replay.
 *
 * @param alarms       per rule set (in the order given), every alarm in its final state, ordered by
 *                     raised-at, cow, type
 * @param stats        counts for the summary
 * @param problems     the first bad rows (at most 100), in line order
 * @param stopped      true when strict mode stopped at a bad row (then the alarms are incomplete)
 * @param notes        cows that could not be replayed and why
 */
public record ReplayResult(List<List<Alarm>> alarms, ReplayStats stats, List<RowProblem> problems, boolean stopped,
                           List<String> notes) {

    public ReplayResult {
        alarms = alarms.stream().map(List::copyOf).toList();
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }
}
