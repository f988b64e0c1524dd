package io.herdgate.rules.evaluation;

import io.herdgate.testing.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation on the development split with the shipped defaults. Where a target of the brief is
 * not reached yet, the test holds the measured level as a floor so that no change makes it worse
 * (see DETECTORS.md for the targets and the figures).
 */
class EvaluationTest {

    private static EvaluationReport report;

    @BeforeAll
    static void run() {
        report = Evaluation.of(SharedData.dataDir()).run();
    }

    @Test
    void heat_onScrEpisodes_keepsMeasuredSensitivityAndPpv() {
        HeatFigures h = report.heat();
        assertEquals(48, h.episodes(), report.render());
        // Targets 0.90 / 0.90 are not reached yet (DETECTORS.md says why); these are the measured floors.
        assertTrue(h.sensitivity() >= 0.83, report.render());
        assertTrue(h.ppv() >= 0.85, report.render());
    }

    @Test
    void heat_alarmRate_isAtMostFourPer100CowDays() {
        assertTrue(report.heat().alarmsPer100CowDays() <= 4, report.render());
    }

    @Test
    void calving_alarmsNinetyPercentWithin24hAndAtMostOneFalseAlarmPerTenCowWeeks() {
        CalvingFigures c = report.calving();
        assertEquals(28, c.calvings());
        assertTrue(c.alarmedShare() >= 0.90, report.render());
        assertTrue(c.falseAlarmsPerCowWeek() <= 0.1, report.render());
    }

    /**
     * The same calvings as a collar without rumination sees them (bout length and restlessness decide): the
     * measured 25 of 28 is held as the floor (target 0.90 not reached; DETECTORS.md "Calving").
     */
    @Test
    void calvingWithoutRumination_alarmsTheMeasured25Of28WithAtMostOneFalseAlarmPerTenCowWeeks() {
        CalvingFigures c = report.calvingWithoutRumination();
        assertEquals(28, c.calvings());
        assertTrue(c.alarmed() >= 25, report.render());
        assertTrue(c.falseAlarmsPerCowWeek() <= 0.1, report.render());
    }

    /** Leg data only, long history: bout length and restlessness judged on the cows' own spread. */
    @Test
    void minute_healthyCows_raiseAtMostOneFalseCalvingAlarmPerTenCowWeeks() {
        assertTrue(report.minute().calvingAlarmsPerCowWeek() <= 0.1, report.render());
    }

    @Test
    void minute_healthyCows_raiseNoCowDownAlarm() {
        assertEquals(0, report.minute().noMotionAlarms(), report.render());
    }

    @Test
    void minute_gaps_raiseExactlyOneOfflineAlarmPerLongGapAndNoneForShortOnes() {
        MinuteFigures m = report.minute();
        assertTrue(m.gaps() > 1000, report.render());
        assertTrue(m.gapsOverThreshold() > 100, report.render());
        assertEquals(m.gapsOverThreshold(), m.offlineAlarms(), report.render());
        assertEquals(m.gapsOverThreshold(), m.offlineAlarmsInLongGaps(), report.render());
    }

    @Test
    void minute_gaps_causeNoHeatIllnessOrCowDownAlarm() {
        assertEquals(0, report.minute().alarmsCausedByGaps(), report.render());
    }
}
