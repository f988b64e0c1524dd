package io.herdgate.rules.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.params.CalvingParams;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calving detector on synthetic 2-h blocks. An ordinary block: 50 min ruminating, 60 min lying in
 * one bout. The calving pattern: 20 min ruminating, 40 min lying in four bouts of 10 min.
 */
class CalvingDetectorTest {

    private static final CowId COW = CowId.of("1355");
    private static final Instant T0 = Instant.parse("2024-04-01T00:00:00Z");
    private static final Duration BLOCK = Duration.ofHours(2);
    /** Four ordinary days, then the pattern from block {@link #PATTERN_FROM} on. */
    private static final int DAYS = 4;
    private static final int PATTERN_FROM = DAYS * 12 - 4;

    private final List<AlarmEvent> events = new ArrayList<>();

    private DetectionEngine engine(RuleSet rules) {
        return DetectionEngine.builder().rules(Rules.uniform(rules)).zone(ZoneOffset.UTC)
                .listener(events::add).calendar(CalvingCalendar.none()).build();
    }

    private List<Alarm> calvings() {
        return events.stream().filter(e -> e instanceof AlarmEvent.Raised && e.alarm().type() == AlarmType.CALVING)
                .map(AlarmEvent::alarm).toList();
    }

    private static Observation.Builder block(int b) {
        return Observation.builder(COW, T0.plus(BLOCK.multipliedBy(b)), BLOCK);
    }

    /** Both collars: rumination and lying each block; the pattern from {@code from} on. */
    private static void feed(DetectionEngine e, int blocks, int from, boolean neck, boolean leg) {
        for (int b = 0; b < blocks; b++) {
            boolean pattern = b >= from;
            Observation.Builder o = block(b);
            if (neck) {
                o.ruminationMin(pattern ? 20 : 50).activity(30);
            }
            if (leg) {
                o.lyingMin(pattern ? 40 : 60).lyingBouts(pattern ? 4 : 1);
            }
            e.accept(o.build());
        }
    }

    private static RuleSet withMinDuration(double minutes) {
        CalvingParams d = CalvingParams.defaults();
        return RuleSet.defaults().withCalving(CalvingParams.of(d.enabled(), d.severity(), d.windowHours(), d.score(),
                d.ruminationDropPct(), d.boutShorteningPct(), d.restlessWindowHours(), d.restlessRisePct(), minutes, d.clearHours(), d.refractoryDays(),
                d.relabelBeforeHours(), d.relabelAfterHours()));
    }

    @Test
    void ruminationDropAndShortBoutsForEightHours_raiseOneCalvingWithinTheFirstSixHours() {
        DetectionEngine e = engine(RuleSet.defaults());
        feed(e, DAYS * 12, PATTERN_FROM, true, true);
        List<Alarm> raised = calvings();
        assertEquals(1, raised.size(), events.toString());
        Alarm a = raised.get(0);
        Instant start = T0.plus(BLOCK.multipliedBy(PATTERN_FROM));
        assertTrue(!a.raisedAt().isBefore(start.plus(Duration.ofHours(3)))
                && !a.raisedAt().isAfter(start.plus(Duration.ofHours(6))), a.toString());
        assertTrue(a.explanation().value() >= a.explanation().threshold(), a.toString());
        assertEquals(Duration.ofHours(3), a.explanation().duration());
        assertTrue(a.explanation().features().get("rumination_evidence") > 1, a.toString());
        assertTrue(a.explanation().features().get("bout_evidence") > 1, a.toString());
    }

    @Test
    void ordinaryDays_raiseNoCalving() {
        DetectionEngine e = engine(RuleSet.defaults());
        feed(e, DAYS * 12, Integer.MAX_VALUE, true, true);
        assertEquals(List.of(), events);
    }

    @Test
    void neckOnlyCollar_isJudgedOnRuminationAlone() {
        DetectionEngine e = engine(RuleSet.defaults());
        feed(e, DAYS * 12, PATTERN_FROM, true, false);
        assertEquals(1, calvings().size(), events.toString());
        assertTrue(!calvings().get(0).explanation().features().containsKey("bout_evidence"));
    }

    @Test
    void legOnlyCollar_isJudgedOnBoutLengthAndRestlessness() {
        DetectionEngine e = engine(RuleSet.defaults());
        feed(e, DAYS * 12, PATTERN_FROM, false, true);
        assertEquals(1, calvings().size(), events.toString());
        Map<String, Double> f = calvings().get(0).explanation().features();
        assertTrue(!f.containsKey("rumination_evidence"), f.toString());
        // four bouts a block against one: the 16-h window already holds more bouts than the usual day's rate
        assertTrue(f.get("restless_evidence") > 0, f.toString());
        assertTrue(f.get("lying_bouts_per_day_16h") > f.get("lying_bouts_per_day_usual"), f.toString());
    }

    @Test
    void bothCollars_restlessnessStandsInOnlyForMissingRumination() {
        DetectionEngine e = engine(RuleSet.defaults());
        feed(e, DAYS * 12, PATTERN_FROM, true, true);
        assertEquals(1, calvings().size(), events.toString());
        Map<String, Double> f = calvings().get(0).explanation().features();
        assertTrue(f.containsKey("rumination_evidence") && !f.containsKey("restless_evidence"), f.toString());
    }

    @Test
    void standingForHoursWithUsualRumination_isNoCalving() {
        DetectionEngine e = engine(RuleSet.defaults());
        for (int b = 0; b < DAYS * 12; b++) {
            boolean standing = b >= PATTERN_FROM;
            e.accept(block(b).ruminationMin(50).lyingMin(standing ? 0 : 60).lyingBouts(standing ? 0 : 1).build());
        }
        assertEquals(List.of(), events);
    }

    @Test
    void patternBeforeAFullUsualDay_raisesNothing_warmUp() {
        DetectionEngine e = engine(RuleSet.defaults());
        // 40 h of data: no whole day ending 24 h before any window end yet.
        feed(e, 20, 14, true, true);
        assertEquals(List.of(), events);
    }

    @Test
    void patternShorterThanTheMinimumDuration_raisesNothing() {
        DetectionEngine e = engine(withMinDuration(600));
        feed(e, DAYS * 12, PATTERN_FROM, true, true);
        assertEquals(List.of(), calvings());
    }

    @Test
    void calving_clearsADayAfterThePatternEnds_andTheRefractoryHoldsOffARepeat() {
        DetectionEngine e = engine(RuleSet.defaults());
        int end = PATTERN_FROM + 4;
        for (int b = 0; b < 12 * 12; b++) {
            boolean pattern = (b >= PATTERN_FROM && b < end) || (b >= 10 * 12 && b < 10 * 12 + 4);
            e.accept(block(b).ruminationMin(pattern ? 20 : 50).lyingMin(pattern ? 40 : 60)
                    .lyingBouts(pattern ? 4 : 1).build());
        }
        List<AlarmEvent> calving = events.stream().filter(x -> x.alarm().type() == AlarmType.CALVING).toList();
        assertEquals(2, calving.size(), calving.toString());
        assertTrue(calving.get(1) instanceof AlarmEvent.Cleared, calving.toString());
        Instant lastSeen = T0.plus(BLOCK.multipliedBy(end + 1));
        assertTrue(!calving.get(1).at().isBefore(lastSeen.plus(Duration.ofHours(24))), calving.toString());
        assertTrue(calving.get(1).at().isBefore(lastSeen.plus(Duration.ofHours(28))), calving.toString());
    }
}
