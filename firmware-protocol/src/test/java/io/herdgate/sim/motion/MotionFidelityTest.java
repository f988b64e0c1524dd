package io.herdgate.sim.motion;

import io.herdgate.sim.motion.RealRecordings.Label;
import io.herdgate.sim.motion.WindowFeatures.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated collar against the real 10 Hz recordings, per 10-s window. Tolerances (documented in
 * SIMULATOR.md): KS distance at most 0.25 for VeDBA and the per-axis standard deviations, simulated
 * VeDBA median within 25 % of the real one, walking's dominant frequency median within 0.3 Hz, and the
 * same order of behaviours by median VeDBA as in the recordings.
 */
class MotionFidelityTest {

    private static FidelityReport report;

    @BeforeAll
    static void compare() {
        report = FidelityReport.of(RealRecordings.folder());
    }

    @ParameterizedTest
    @EnumSource(Label.class)
    void activityFeatures_perBehaviour_matchTheRecordingsWithinKs025(Label label) {
        assertAll(java.util.Arrays.stream(new Feature[] {Feature.VEDBA, Feature.SD_X, Feature.SD_Y, Feature.SD_Z})
                .map(f -> () -> {
                    double ks = report.real(label, f).ksDistance(report.sim(label, f));
                    assertTrue(ks <= 0.25, label + " " + f + ": KS " + ks + " > 0.25\n" + report.table());
                }));
    }

    @ParameterizedTest
    @EnumSource(Label.class)
    void vedbaMedian_perBehaviour_isWithin25PercentOfTheRecordings(Label label) {
        double real = report.real(label, Feature.VEDBA).quantile(0.5);
        double sim = report.sim(label, Feature.VEDBA).quantile(0.5);
        assertTrue(Math.abs(sim - real) <= 0.25 * real,
                label + ": simulated VeDBA median " + sim + " vs real " + real);
    }

    @Test
    void walkingDominantFrequency_median_isWithin0_3HzOfTheRecordings() {
        double real = report.real(Label.WALKING, Feature.DOM_HZ).quantile(0.5);
        double sim = report.sim(Label.WALKING, Feature.DOM_HZ).quantile(0.5);
        assertTrue(Math.abs(sim - real) <= 0.3, "walking dominant Hz: sim " + sim + " vs real " + real);
    }

    @Test
    void behaviours_orderedByVedba_likeTheRecordings() {
        // Recordings: resting and standing close at the bottom (resting reaches lower), walking, grazing on top
        for (var windows : java.util.List.of(report.real, report.sim)) {
            double rest = FidelityReport.of(windows.get(Label.RESTING), Feature.VEDBA).quantile(0.1);
            double stand = FidelityReport.of(windows.get(Label.STANDING), Feature.VEDBA).quantile(0.1);
            double still = Math.max(FidelityReport.of(windows.get(Label.RESTING), Feature.VEDBA).quantile(0.5),
                    FidelityReport.of(windows.get(Label.STANDING), Feature.VEDBA).quantile(0.5));
            double walk = FidelityReport.of(windows.get(Label.WALKING), Feature.VEDBA).quantile(0.5);
            double graze = FidelityReport.of(windows.get(Label.GRAZING), Feature.VEDBA).quantile(0.5);
            String where = windows == report.real ? "real" : "simulated";
            assertTrue(rest < stand, where + ": resting p10 " + rest + " not below standing p10 " + stand);
            assertTrue(still < walk, where + ": resting/standing median " + still + " not below walking " + walk);
            assertTrue(walk < graze, where + ": walking median " + walk + " not below grazing " + graze);
        }
    }
}
