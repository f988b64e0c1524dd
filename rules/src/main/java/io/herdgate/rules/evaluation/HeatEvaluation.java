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
import java.util.List;

/** Heat from {@code heat/activity_2h.csv} alone against {@code heat/reference_episodes.csv}. */
final class HeatEvaluation {

    static final Duration MATCH_MARGIN = Duration.ofHours(12);
    static final Duration BLOCK = Duration.ofHours(2);

    /** One SCR episode; {@code counted} is false for calving restlessness (peak at −2…+3 days in milk). */
    record Episode(CowId cow, Instant start, Instant end, boolean counted) {
        boolean matches(Alarm a) {
            return a.cow().equals(cow) && !a.raisedAt().isBefore(start.minus(MATCH_MARGIN))
                    && !a.raisedAt().isAfter(end.plus(MATCH_MARGIN));
        }
    }

    private HeatEvaluation() {
    }

    static List<Observation> observations(Path dir) {
        List<Observation> out = new ArrayList<>();
        for (Csv.Row r : Csv.read(dir.resolve("activity_2h.csv"))) {
            out.add(Observation.builder(CowId.of(r.text("cow")), r.time("timestamp"), BLOCK)
                    .activity(r.number("activity")).build());
        }
        return out;
    }

    static List<Episode> episodes(Path dir) {
        List<Episode> episodes = new ArrayList<>();
        for (Csv.Row r : Csv.read(dir.resolve("reference_episodes.csv"))) {
            double dim = r.number("dim_at_peak");
            boolean calvingRestlessness = dim >= -2 && dim <= 3;
            episodes.add(new Episode(CowId.of(r.text("cow")), r.time("start"), r.time("end"), !calvingRestlessness));
        }
        return episodes;
    }

    static List<Alarm> heatAlarms(List<Observation> obs, Rules rules) {
        return EngineRun.raised(obs, rules).stream().filter(a -> a.type() == AlarmType.HEAT).toList();
    }

    static HeatFigures run(Path dir, Rules rules) {
        List<Observation> obs = observations(dir);
        return score(episodes(dir), heatAlarms(obs, rules), obs.size() / 12.0);
    }

    static HeatFigures score(List<Episode> episodes, List<Alarm> alarms, double cowDays) {
        int counted = 0;
        int detected = 0;
        for (Episode e : episodes) {
            if (e.counted()) {
                counted++;
                if (alarms.stream().anyMatch(e::matches)) {
                    detected++;
                }
            }
        }
        int countedAlarms = 0;
        int truePositives = 0;
        for (Alarm a : alarms) {
            boolean matchesCounted = episodes.stream().anyMatch(e -> e.counted() && e.matches(a));
            boolean matchesLeftOut = episodes.stream().anyMatch(e -> !e.counted() && e.matches(a));
            if (matchesCounted) {
                countedAlarms++;
                truePositives++;
            } else if (!matchesLeftOut) {
                countedAlarms++;
            }
        }
        return new HeatFigures(counted, detected, countedAlarms, truePositives, cowDays);
    }
}
