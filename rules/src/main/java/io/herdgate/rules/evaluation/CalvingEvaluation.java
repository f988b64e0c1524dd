package io.herdgate.rules.evaluation;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Calving alarms on a {@link CalvingSet}: raised in the 24 h up to the calving block, or earlier (false). */
final class CalvingEvaluation {

    static final Duration HORIZON = Duration.ofHours(24);

    private CalvingEvaluation() {
    }

    static CalvingFigures run(CalvingSet set, Rules rules) {
        Map<CowId, Instant> calving = set.calvings();
        double secondsBefore = 0;
        for (Observation o : set.observations()) {
            Instant c = calving.get(o.cow());
            if (c != null && !o.end().isAfter(c.minus(HORIZON))) {
                secondsBefore += o.length().getSeconds();
            }
        }
        List<Alarm> alarms = EngineRun.raised(set.observations(), rules).stream()
                .filter(a -> a.type() == AlarmType.CALVING).toList();
        int alarmed = 0;
        for (Map.Entry<CowId, Instant> c : calving.entrySet()) {
            Instant t = c.getValue();
            if (alarms.stream().anyMatch(a -> a.cow().equals(c.getKey())
                    && !a.raisedAt().isBefore(t.minus(HORIZON)) && !a.raisedAt().isAfter(t))) {
                alarmed++;
            }
        }
        int falseAlarms = (int) alarms.stream()
                .filter(a -> calving.containsKey(a.cow()) && a.raisedAt().isBefore(calving.get(a.cow()).minus(HORIZON)))
                .count();
        return new CalvingFigures(calving.size(), alarmed, falseAlarms, secondsBefore / (7 * 86400.0));
    }
}
