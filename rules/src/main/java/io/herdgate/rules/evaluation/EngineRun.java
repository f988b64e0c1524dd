package io.herdgate.rules.evaluation;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.detect.CalvingCalendar;
import io.herdgate.rules.detect.DetectionEngine;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.Observation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs observations through a fresh engine in time order (cows interleaved) and returns the raised alarms. */
final class EngineRun {

    private EngineRun() {
    }

    static List<Alarm> raised(List<Observation> observations, Rules rules) {
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparing(Observation::start).thenComparing(Observation::cow));
        List<Alarm> raised = new ArrayList<>();
        DetectionEngine engine = DetectionEngine.builder()
                .rules(rules)
                .zone(ZoneOffset.UTC)
                .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .calendar(CalvingCalendar.none())
                .listener(e -> {
                    if (e instanceof AlarmEvent.Raised r) {
                        raised.add(r.alarm());
                    }
                })
                .build();
        sorted.forEach(engine::accept);
        return raised;
    }
}
