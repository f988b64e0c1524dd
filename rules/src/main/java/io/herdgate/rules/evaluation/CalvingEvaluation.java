package io.herdgate.rules.evaluation;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calving alarms on {@code calving/leg_neck_2h.csv} against {@code calving/calvings.csv}. */
final class CalvingEvaluation {

    private static final Duration BLOCK = Duration.ofHours(2);
    private static final Duration HORIZON = Duration.ofHours(24);

    private CalvingEvaluation() {
    }

    static CalvingFigures run(Path dir, Rules rules) {
        List<Observation> obs = new ArrayList<>();
        for (Csv.Row r : Csv.read(dir.resolve("leg_neck_2h.csv"))) {
            double lying = r.number("lying_min");
            obs.add(Observation.builder(CowId.of(r.text("cow")), r.time("timestamp"), BLOCK)
                    .steps(r.number("steps")).motionIndex(r.number("motion_index"))
                    .lyingMin(Double.isNaN(lying) ? lying : Math.min(lying, 120))
                    .lyingBouts(r.number("lying_bouts")).ruminationMin(r.number("rumination_min"))
                    .activity(r.number("activity")).build());
        }
        Map<CowId, Instant> calving = new HashMap<>();
        for (Csv.Row r : Csv.read(dir.resolve("calvings.csv"))) {
            calving.put(CowId.of(r.text("cow")), r.time("calving_time"));
        }
        double secondsBefore = 0;
        for (Observation o : obs) {
            Instant c = calving.get(o.cow());
            if (c != null && !o.end().isAfter(c.minus(HORIZON))) {
                secondsBefore += o.length().getSeconds();
            }
        }
        List<Alarm> alarms = EngineRun.raised(obs, rules).stream().filter(a -> a.type() == AlarmType.CALVING).toList();
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
