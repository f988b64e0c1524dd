package io.herdgate.rules.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.params.RuleSet;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each detector on small synthetic streams whose answer is known. */
class DetectorsTest {

    private static final CowId COW = CowId.of("5011");
    private static final Instant T0 = Instant.parse("2024-04-01T00:00:00Z");
    private static final Duration MIN = Duration.ofMinutes(1);
    private static final Duration BLOCK = Duration.ofHours(2);

    private final List<AlarmEvent> events = new ArrayList<>();

    private DetectionEngine engine(CalvingCalendar calendar) {
        return DetectionEngine.builder().listener(events::add).calendar(calendar).build();
    }

    private List<Alarm> raised(AlarmType type) {
        return events.stream().filter(e -> e instanceof AlarmEvent.Raised && e.alarm().type() == type)
                .map(AlarmEvent::alarm).toList();
    }

    private List<AlarmEvent> of(AlarmType type) {
        return events.stream().filter(e -> e.alarm().type() == type).toList();
    }

    /** Per-minute observations: minute i carries what the function gives; null leaves the minute out (a gap). */
    private static void minutes(DetectionEngine e, int count, IntFunction<Observation.Builder> at) {
        for (int i = 0; i < count; i++) {
            Observation.Builder b = at.apply(i);
            if (b != null) {
                e.accept(b.build());
            }
        }
    }

    private static Observation.Builder minute(int i) {
        return Observation.builder(COW, T0.plus(MIN.multipliedBy(i)), MIN);
    }

    @ParameterizedTest(name = "still {0} min: {1} cow-down alarm(s)")
    @CsvSource({"280, 0", "360, 0", "361, 1", "480, 1"})
    void noMotion_raisesOnlyForStillnessLongerThanSixHours(int stillMin, int expected) {
        DetectionEngine e = engine(CalvingCalendar.none());
        minutes(e, 60 + stillMin + 60, i -> minute(i).motionIndex(i >= 60 && i < 60 + stillMin ? 0 : 5).steps(0));
        assertEquals(expected, raised(AlarmType.NO_MOTION).size());
        if (expected == 1) {
            List<AlarmEvent> ev = of(AlarmType.NO_MOTION);
            assertEquals(T0.plus(MIN.multipliedBy(60 + 361)), ev.get(0).at());
            assertTrue(ev.get(1) instanceof AlarmEvent.Cleared);
            assertEquals(T0.plus(MIN.multipliedBy(60 + stillMin)), ev.get(1).at());
        }
    }

    @Test
    void noMotion_rawSampleCow_stepsStillButActivityAtItsNoiseFloor_isStill() {
        DetectionEngine e = engine(CalvingCalendar.none());
        // from raw samples: no motion index, steps counted, activity is VeDBA in mg (breathing and noise, never 0)
        minutes(e, 60 + 400, i -> minute(i).steps(i >= 60 ? 0 : 12).activity(i >= 60 ? 9.5 : 40));
        assertEquals(1, raised(AlarmType.NO_MOTION).size());
    }

    @Test
    void noMotion_withoutAnyCount_activityDecides() {
        DetectionEngine e = engine(CalvingCalendar.none());
        minutes(e, 60 + 400, i -> minute(i).activity(i >= 60 ? 9.5 : 40));
        assertEquals(0, raised(AlarmType.NO_MOTION).size(), "9.5 is above the still level of 0");
    }

    @Test
    void noMotion_gapInsideStillness_isNotStillness() {
        DetectionEngine e = engine(CalvingCalendar.none());
        // 5 h still, 30 min without data, 5 h still: never 6 h of observed stillness in a row.
        minutes(e, 630, i -> i >= 300 && i < 330 ? null : minute(i).motionIndex(0));
        assertEquals(0, raised(AlarmType.NO_MOTION).size());
    }

    @Test
    void collarOff_staticOrientationForAnHour_raisesAndMovementClears() {
        DetectionEngine e = engine(CalvingCalendar.none());
        minutes(e, 200, i -> minute(i).accelVarG2(i >= 20 && i < 150 ? 2e-6 : 0.02).pitchDeg(i >= 20 && i < 150 ? -80 : 15));
        List<AlarmEvent> ev = of(AlarmType.COLLAR_OFF);
        assertEquals(2, ev.size(), ev.toString());
        assertEquals(T0.plus(MIN.multipliedBy(20 + 61)), ev.get(0).at());
        assertEquals(T0.plus(MIN.multipliedBy(150)), ev.get(1).at());
    }

    @Test
    void noMotion_fallenCollarLyingStaticForHours_raisesCollarOffAndNeverCowDown() {
        DetectionEngine e = engine(CalvingCalendar.none());
        // a collar on the ground: no steps, sensor noise only, orientation fixed, for 10 h
        minutes(e, 60 + 600, i -> i < 60 ? minute(i).steps(10).activity(40).accelVarG2(0.02).pitchDeg(15)
                : minute(i).steps(0).activity(2).accelVarG2(2e-6).pitchDeg(-70));
        assertEquals(1, raised(AlarmType.COLLAR_OFF).size());
        assertEquals(0, raised(AlarmType.NO_MOTION).size());
    }

    @Test
    void noMotion_cowDownBreathing_stillRaisesCowDownAndNotCollarOff() {
        DetectionEngine e = engine(CalvingCalendar.none());
        // a cow that cannot get up: no steps, but breathing keeps the variance above the noise floor
        minutes(e, 60 + 420, i -> i < 60 ? minute(i).steps(10).activity(40).accelVarG2(0.02).pitchDeg(15)
                : minute(i).steps(0).activity(9).accelVarG2(4e-5).pitchDeg(60));
        assertEquals(1, raised(AlarmType.NO_MOTION).size());
        assertEquals(0, raised(AlarmType.COLLAR_OFF).size());
    }

    @Test
    void collarOff_cowLyingStillWithCollarOn_isNotStatic() {
        DetectionEngine e = engine(CalvingCalendar.none());
        // Rumination and breathing: small variance, but above the noise floor.
        minutes(e, 300, i -> minute(i).accelVarG2(4e-4).pitchDeg(10 + (i % 7)));
        assertEquals(0, raised(AlarmType.COLLAR_OFF).size());
    }

    @Test
    void battery_threeLowReadings_raiseOnceAndANewBatteryClears() {
        DetectionEngine e = engine(CalvingCalendar.none());
        double[] mv = {3600, 3390, 3380, 3500, 3390, 3380, 3370, 3360, 3450, 3700};
        minutes(e, mv.length, i -> minute(i).batteryMv(mv[i]));
        List<AlarmEvent> ev = of(AlarmType.BATTERY);
        assertEquals(2, ev.size(), ev.toString());
        assertEquals(T0.plus(MIN.multipliedBy(7)), ev.get(0).at());
        assertEquals(T0.plus(MIN.multipliedBy(10)), ev.get(1).at());
    }

    /** 2-h blocks over {@code days}: activity follows a daily rhythm, tripled on day {@code heatDay} 08–18 h. */
    private static void blocks(DetectionEngine e, int days, int heatDay, double factor) {
        for (int b = 0; b < days * 12; b++) {
            int hour = (b % 12) * 2;
            double act = 30 + 20 * Math.sin(hour / 24.0 * 2 * Math.PI) + (b * 7 % 5);
            boolean heat = b / 12 == heatDay && hour >= 8 && hour < 18;
            e.accept(Observation.builder(COW, T0.plus(BLOCK.multipliedBy(b)), BLOCK)
                    .activity(act * (heat ? factor : 1)).ruminationMin(50).build());
        }
    }

    @Test
    void heat_activityTripledForTenHours_raisesOneHeatWithNextExpectedHeat() {
        DetectionEngine e = engine(CalvingCalendar.none());
        blocks(e, 14, 10, 3);
        List<Alarm> heats = raised(AlarmType.HEAT);
        assertEquals(1, heats.size(), events.toString());
        Alarm h = heats.get(0);
        assertTrue(h.raisedAt().isAfter(T0.plus(Duration.ofHours(10 * 24 + 8))), h.toString());
        assertTrue(h.raisedAt().isBefore(T0.plus(Duration.ofHours(10 * 24 + 18))), h.toString());
        assertEquals(h.raisedAt().plus(Duration.ofDays(21)), h.nextExpectedHeat().orElseThrow());
        assertTrue(h.explanation().value() > h.explanation().threshold(), h.toString());
        assertEquals(0, raised(AlarmType.ILLNESS).size());
    }

    /**
     * Per-minute observations as a collar's raw samples give them: each starts {@code 3 s} after the clock
     * minute (the collar's first sample), so every hour ends inside one. Daily rhythm as {@link #blocks};
     * {@code change} gives the factor on the activity for a minute index.
     */
    private static void offClockMinutes(DetectionEngine e, int days, IntFunction<Double> change,
                                        IntFunction<Double> accelVar) {
        for (int i = 0; i < days * 1440; i++) {
            double hour = (i % 1440) / 60.0;
            double act = 30 + 20 * Math.sin(hour / 24.0 * 2 * Math.PI) + (i * 7 % 5);
            e.accept(Observation.builder(COW, T0.plusSeconds(3).plus(MIN.multipliedBy(i)), MIN)
                    .activity(act * change.apply(i)).steps(5).accelVarG2(accelVar.apply(i)).pitchDeg(20).build());
        }
    }

    @Test
    void heat_minutesNotOnTheClock_areJudgedAndRaiseOneHeat() {
        DetectionEngine e = engine(CalvingCalendar.none());
        offClockMinutes(e, 8, i -> i / 1440 == 6 && i % 1440 >= 8 * 60 && i % 1440 < 18 * 60 ? 3.0 : 1.0, i -> 0.01);
        assertEquals(1, raised(AlarmType.HEAT).size(), events.toString());
        assertEquals(0, raised(AlarmType.ILLNESS).size(), events.toString());
    }

    @Test
    void collarOff_forADay_isNeitherIllnessNorAHeatOnceRefitted() {
        DetectionEngine e = engine(CalvingCalendar.none());
        // day 5 06:00 to day 6 06:00 on the ground: no activity, sensor noise only
        IntFunction<Boolean> off = i -> i >= 5 * 1440 + 360 && i < 6 * 1440 + 360;
        offClockMinutes(e, 9, i -> off.apply(i) ? 0.02 : 1.0, i -> off.apply(i) ? 2e-6 : 0.01);
        assertEquals(1, raised(AlarmType.COLLAR_OFF).size(), events.toString());
        assertEquals(0, raised(AlarmType.ILLNESS).size(), events.toString());
        assertEquals(0, raised(AlarmType.HEAT).size(), events.toString());
        assertEquals(0, raised(AlarmType.NO_MOTION).size(), events.toString());
    }

    /**
     * 25 ordinary cows over 8 days, time-interleaved as they arrive live; cow 5011 joins on day
     * {@code joinDay} and her activity is tripled 08–18 h on day {@code heatDay}.
     */
    private static void herdWithLateJoiner(DetectionEngine e, int joinDay, int heatDay) {
        herdWithLateJoiner(e, joinDay, heatDay, 3);
    }

    /** {@link #herdWithLateJoiner(DetectionEngine, int, int)} with her activity times {@code factor} in heat. */
    private static void herdWithLateJoiner(DetectionEngine e, int joinDay, int heatDay, double factor) {
        for (int b = 0; b < 8 * 12; b++) {
            int hour = (b % 12) * 2;
            for (int c = 0; c <= 25; c++) {
                double act = 30 + 20 * Math.sin(hour / 24.0 * 2 * Math.PI) + ((b + c) * 7 % 5);
                if (c == 25 && b / 12 < joinDay) {
                    continue;
                }
                boolean heat = c == 25 && b / 12 == heatDay && hour >= 8 && hour < 18;
                CowId cow = c == 25 ? COW : CowId.of("h" + c);
                e.accept(Observation.builder(cow, T0.plus(BLOCK.multipliedBy(b)), BLOCK)
                        .activity(act * (heat ? factor : 1)).build());
            }
        }
    }

    @Test
    void heat_cowJoiningARunningHerd_isNotJudgedInHerFirstDays() {
        DetectionEngine e = engine(CalvingCalendar.none());
        herdWithLateJoiner(e, 3, 3);
        assertEquals(List.of(), raised(AlarmType.HEAT));
    }

    @Test
    void heat_cowJoiningARunningHerd_isJudgedOnceSheHasMinDaysOfHistory() {
        DetectionEngine e = engine(CalvingCalendar.none());
        herdWithLateJoiner(e, 2, 6);
        List<Alarm> heats = raised(AlarmType.HEAT);
        assertEquals(1, heats.size(), heats.toString());
        assertEquals(COW, heats.get(0).cow());
    }

    @Test
    void heat_cowPresentWhenTheEngineStarts_isJudgedWithTheHerdPriorInHerFirstDays() {
        DetectionEngine e = engine(CalvingCalendar.none());
        herdWithLateJoiner(e, 0, 1);
        List<Alarm> heats = raised(AlarmType.HEAT);
        assertEquals(1, heats.size(), heats.toString());
        assertTrue(heats.get(0).explanation().features().get("own_baseline_days") < 3, heats.toString());
    }

    /**
     * Six cows from midnight, busy by day and quiet by night: the herd prior needs 20 contributions per clock
     * hour (four days of six cows), so on the second night a window of the busy evening would be judged
     * against the only earlier hour of her own, the quiet 00:00..01:00 of the first night.
     */
    @Test
    void heat_smallHerdsFirstDays_withoutHerdPriorOrMinDaysOfHistory_areNotJudged() {
        DetectionEngine e = engine(CalvingCalendar.none());
        for (int h = 0; h < 3 * 24; h++) {
            int hourOfDay = h % 24;
            for (int c = 0; c < 6; c++) {
                double act = (hourOfDay >= 6 && hourOfDay < 22 ? 40 : 10) + c;
                e.accept(Observation.builder(CowId.of("s" + c), T0.plus(Duration.ofHours(h)), Duration.ofHours(1))
                        .activity(act).build());
            }
        }
        assertEquals(List.of(), raised(AlarmType.HEAT));
    }

    /** With baseline.prior_days 0 the herd prior is not used, so her second day has too thin a baseline. */
    @Test
    void heat_withoutHerdPriorByConfiguration_isNotJudgedBeforeMinDays() {
        RuleSet d = RuleSet.defaults();
        BaselineParams b = d.baseline();
        DetectionEngine e = DetectionEngine.builder().listener(events::add).calendar(CalvingCalendar.none())
                .rules(Rules.uniform(d.withBaseline(BaselineParams.of(b.days(), b.minCoveragePct(), 0, b.minDays()))))
                .build();
        herdWithLateJoiner(e, 0, 1);
        assertEquals(List.of(), raised(AlarmType.HEAT));
    }

    /** A small herd's cow is judged on her own baseline once it rests on baseline.min_days (3). */
    @Test
    void heat_smallHerd_isJudgedOnHerOwnMinDays() {
        DetectionEngine e = engine(CalvingCalendar.none());
        blocks(e, 5, 4, 3);
        List<Alarm> heats = raised(AlarmType.HEAT);
        assertEquals(1, heats.size(), heats.toString());
        assertTrue(heats.get(0).explanation().features().get("own_baseline_days") >= 3, heats.toString());
    }

    /** +78 %: over heat.rise_pct (70) but under the bar of a cow on one day of her own (70 + 15 × 6/7). */
    @Test
    void heat_riseOver70PctOnHerSecondDay_isHeldBackByTheWarmUpBar() {
        DetectionEngine e = engine(CalvingCalendar.none());
        herdWithLateJoiner(e, 0, 1, 1.78);
        assertEquals(List.of(), raised(AlarmType.HEAT));
    }

    @Test
    void heat_sameRiseWithAWeekOfHistory_isRaised() {
        DetectionEngine e = engine(CalvingCalendar.none());
        herdWithLateJoiner(e, 0, 7, 1.78);
        List<Alarm> heats = raised(AlarmType.HEAT);
        assertEquals(1, heats.size(), heats.toString());
        assertEquals(7.0, heats.get(0).explanation().features().get("own_baseline_days"), 0.01, heats.toString());
    }

    @Test
    void heat_nearAKnownCalving_isRaisedAsCalving() {
        Instant calving = T0.plus(Duration.ofDays(11));
        DetectionEngine e = engine(cow -> List.of(calving));
        blocks(e, 14, 10, 3);
        assertEquals(0, raised(AlarmType.HEAT).size());
        assertEquals(1, raised(AlarmType.CALVING).size());
    }

    @Test
    void heat_ordinaryDays_raiseNothing() {
        DetectionEngine e = engine(CalvingCalendar.none());
        blocks(e, 14, -1, 1);
        assertEquals(List.of(), events);
    }

    @Test
    void illness_activityHalvedForTwoDays_raisesIllnessAfterTwelveHours() {
        DetectionEngine e = engine(CalvingCalendar.none());
        blocks(e, 14, 10, 1);
        for (int b = 14 * 12; b < 16 * 12; b++) {
            e.accept(Observation.builder(COW, T0.plus(BLOCK.multipliedBy(b)), BLOCK)
                    .activity(15).ruminationMin(20).build());
        }
        List<Alarm> ill = raised(AlarmType.ILLNESS);
        assertEquals(1, ill.size(), events.toString());
        assertTrue(ill.get(0).raisedAt().isAfter(T0.plus(Duration.ofHours(14 * 24 + 12))), ill.toString());
    }

    @Test
    void accept_observationStartingBeforeThePreviousEnd_isOutOfOrder() {
        DetectionEngine e = engine(CalvingCalendar.none());
        assertEquals(Outcome.ACCEPTED, e.accept(minute(10).motionIndex(1).build()));
        assertEquals(Outcome.OUT_OF_ORDER, e.accept(minute(5).motionIndex(1).build()));
        assertEquals(Outcome.ACCEPTED, e.accept(minute(11).motionIndex(1).build()));
    }

    @Test
    void activeAlarms_listsTheAlarmsNotCleared() {
        DetectionEngine e = engine(CalvingCalendar.none());
        minutes(e, 400, i -> minute(i).motionIndex(0));
        assertEquals(List.of(AlarmType.NO_MOTION), e.activeAlarms().stream().map(Alarm::type).toList());
    }
}
