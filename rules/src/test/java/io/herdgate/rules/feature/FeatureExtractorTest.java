package io.herdgate.rules.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureExtractorTest {

    private static final SampleRate TEN_HZ = SampleRate.ofHz(10);

    /** Feeds {@code n} samples (in g) and collects every full window. */
    private static List<WindowFeatures> run(FeatureExtractor ex, int n, IntFunction<double[]> sample) {
        List<WindowFeatures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] s = sample.apply(i);
            ex.add(s[0], s[1], s[2]).ifPresent(out::add);
        }
        return out;
    }

    private static FeatureExtractor tenSecondWindows(SampleRate rate) {
        return FeatureExtractor.of(FeatureSettings.of(rate, Unit.G, 10));
    }

    @Test
    void add_stillCollar_hasNoDynamicAccelerationAndGravityIsTheSample() {
        List<WindowFeatures> w = run(tenSecondWindows(TEN_HZ), 300, i -> new double[] {0, 0.6, -0.8});

        assertEquals(3, w.size());
        WindowFeatures last = w.get(2);
        assertEquals(0, last.vedbaMg(), 1e-9);
        assertEquals(0, last.odbaMg(), 1e-9);
        assertEquals(0, last.steps());
        assertEquals(0, last.totalSdMg(), 1e-6);
        assertEquals(0.6, last.gravityG().y(), 1e-9);
        assertEquals(-0.8, last.gravityG().z(), 1e-9);
        assertEquals(0, last.orientationChangeDeg(), 1e-6);
        assertEquals(20.0, last.startS(), 1e-9);
        assertEquals(10.0, last.durationS(), 1e-9);
        assertEquals(100, last.samples());
    }

    @Test
    void add_windowBoundaries_followTheWindowLengthInSamples() {
        FeatureExtractor ex = FeatureExtractor.of(FeatureSettings.of(SampleRate.ofHz(25), Unit.G, 2));
        int reported = 0;
        for (int i = 0; i < 149; i++) {
            if (ex.add(0, 0, 1).isPresent()) {
                reported++;
                assertEquals(0, (i + 1) % 50, "window ends after 50 samples");
            }
        }
        assertEquals(2, reported);
        assertEquals(149, ex.samples());
    }

    @Test
    void add_sameMotionInMs2AndG_givesTheSameFeatures() {
        IntFunction<double[]> motion = i -> new double[] {0.3 * Math.sin(i * 0.7), 0.1 * Math.cos(i * 1.3), -1};
        List<WindowFeatures> inG = run(tenSecondWindows(TEN_HZ), 200, motion);
        List<WindowFeatures> inMs2 = run(FeatureExtractor.of(FeatureSettings.of(TEN_HZ, Unit.MS2, 10)), 200, i -> {
            double[] s = motion.apply(i);
            return new double[] {s[0] * Unit.STANDARD_GRAVITY, s[1] * Unit.STANDARD_GRAVITY, s[2] * Unit.STANDARD_GRAVITY};
        });

        assertEquals(inG.get(1).vedbaMg(), inMs2.get(1).vedbaMg(), 1e-6);
        assertEquals(inG.get(1).varianceMg2().x(), inMs2.get(1).varianceMg2().x(), 1e-3);
    }

    @Test
    void add_sinusoidOnOneAxis_vedbaIsItsMeanAbsoluteValue() {
        // 2 Hz, 200 mg amplitude on x: gravity filter (cut-off 0.08 Hz) passes it almost entirely to VeDBA.
        List<WindowFeatures> w = run(tenSecondWindows(SampleRate.ofHz(50)), 50 * 60,
                i -> new double[] {0.2 * Math.sin(2 * Math.PI * 2 * i / 50.0), 0, 1});
        WindowFeatures last = w.get(w.size() - 1);

        assertEquals(200 * 2 / Math.PI, last.vedbaMg(), 10);
        assertEquals(last.vedbaMg(), last.odbaMg(), 1e-9, "one axis: ODBA equals VeDBA");
        assertEquals(200 * 200 / 2.0, last.varianceMg2().x(), 200);
        assertEquals(1.0, last.gravityG().z(), 1e-3);
    }

    @ParameterizedTest(name = "{0} Hz jaw-band share is between {1} and {2}")
    @CsvSource({"1.0, 0.8, 1.0", "0.9, 0.7, 1.0", "3.0, 0.0, 0.1", "0.25, 0.0, 0.2"})
    void add_sinusoid_ruminationBandRatioIsHighOnlyInTheJawBand(double hz, double min, double max) {
        List<WindowFeatures> w = run(tenSecondWindows(TEN_HZ), 600,
                i -> new double[] {0.05 * Math.sin(2 * Math.PI * hz * i / 10.0), 0, 1});
        double ratio = w.get(w.size() - 1).ruminationBandRatio().orElseThrow();

        assertTrue(ratio >= min && ratio <= max, "ratio " + ratio);
    }

    @Test
    void add_rateBelowFourHz_hasNoRuminationBandAndNoSteps() {
        List<WindowFeatures> w = run(tenSecondWindows(SampleRate.ofHz(2)), 40,
                i -> new double[] {i % 2 == 0 ? 1 : -1, 0, 1});

        assertTrue(w.get(0).ruminationBandRatio().isEmpty());
        assertEquals(0, w.get(0).steps());
    }

    @Test
    void add_oneImpulsePerSecond_countsOneStepPerImpulse() {
        // 400 mg spikes once a second on a still collar, like a foot strike felt at the neck.
        List<WindowFeatures> w = run(tenSecondWindows(TEN_HZ), 300,
                i -> new double[] {i % 10 == 5 ? 0.4 : 0, 0, 1});

        assertEquals(10, w.get(2).steps());
    }

    @Test
    void add_impulsesCloserThanTheRefractoryTime_countOnce() {
        // Two spikes 0.1 s apart with a dip between them are one step.
        List<WindowFeatures> w = run(tenSecondWindows(TEN_HZ), 100,
                i -> new double[] {i == 50 || i == 51 ? 0.4 : 0, 0, 1});

        assertEquals(1, w.get(0).steps());
    }

    @Test
    void add_collarTurnedOver_reportsTheOrientationChangeAndPosture() {
        // Gravity turns from +z to +x during the second window.
        List<WindowFeatures> w = run(tenSecondWindows(TEN_HZ), 300, i -> i < 150 ? new double[] {0, 0, 1}
                : new double[] {1, 0, 0});

        assertEquals(0, w.get(0).orientationChangeDeg(), 1e-6);
        assertTrue(w.get(1).orientationChangeDeg() > 80, "turned ~90°: " + w.get(1).orientationChangeDeg());
        assertEquals(0, w.get(0).pitchDeg(), 1e-6);
        assertTrue(w.get(2).pitchDeg() > 45, "x axis now points up: " + w.get(2).pitchDeg());
    }

    @Test
    void add_whiteNoiseAndSlowSway_haveHighAndLowRoughness() {
        java.util.Random rnd = new java.util.Random(1);
        List<WindowFeatures> noise = run(tenSecondWindows(TEN_HZ), 300,
                i -> new double[] {0.02 * rnd.nextGaussian(), 0.02 * rnd.nextGaussian(), 1});
        List<WindowFeatures> sway = run(tenSecondWindows(TEN_HZ), 300,
                i -> new double[] {0.2 * Math.sin(2 * Math.PI * 0.3 * i / 10.0), 0, 1});

        assertEquals(1.0, noise.get(2).roughness(), 0.25);
        assertTrue(sway.get(2).roughness() < 0.1, "sway " + sway.get(2).roughness());
    }

    @Test
    void add_collarTiltingSlowlyAtOneG_hasNoMagnitudeSpreadButLargeAxisVariance() {
        // Gravity swings ±60° in the y-z plane once per 10 s window; |a| stays exactly 1 g.
        List<WindowFeatures> w = run(tenSecondWindows(TEN_HZ), 300, i -> {
            double angle = Math.toRadians(60) * Math.sin(2 * Math.PI * i / 100.0);
            return new double[] {0, Math.sin(angle), -Math.cos(angle)};
        });

        assertEquals(0, w.get(2).magnitudeSdMg(), 1e-6);
        assertTrue(w.get(2).varianceMg2().y() > 100_000, "y variance " + w.get(2).varianceMg2().y());
    }

    @ParameterizedTest(name = "gravity along ({0}, {1}, {2})")
    @CsvSource({"0, 0, -1", "0.6, 0, -0.8", "0, -0.8, -0.6"})
    void add_bounceAlongGravity_magnitudeSpreadIsTheSameWhicheverWayTheCollarSits(double ux, double uy, double uz) {
        // 50 mg sinusoid along gravity at 1 Hz: |a| = 1000 + 50 sin(...) mg, SD 50/√2 mg.
        List<WindowFeatures> w = run(tenSecondWindows(TEN_HZ), 300, i -> {
            double m = 1 + 0.05 * Math.sin(2 * Math.PI * i / 10.0);
            return new double[] {m * ux, m * uy, m * uz};
        });

        assertEquals(50 / Math.sqrt(2), w.get(2).magnitudeSdMg(), 1e-6);
    }

    @Test
    void state_restoredMidWindow_continuesBitIdentically() {
        IntFunction<double[]> motion = i -> new double[] {0.3 * Math.sin(i * 0.9), 0.2 * Math.cos(i * 0.4),
                0.9 + (i % 7 == 0 ? 0.3 : 0)};
        FeatureSettings settings = FeatureSettings.of(TEN_HZ, Unit.G, 10);
        FeatureExtractor straight = FeatureExtractor.of(settings);
        List<WindowFeatures> expected = run(straight, 500, motion);

        FeatureExtractor first = FeatureExtractor.of(settings);
        List<WindowFeatures> actual = new ArrayList<>(run(first, 237, motion));
        FeatureExtractor resumed = FeatureExtractor.restore(settings, first.state());
        for (int i = 237; i < 500; i++) {
            double[] s = motion.apply(i);
            resumed.add(s[0], s[1], s[2]).ifPresent(actual::add);
        }

        assertEquals(expected, actual);
        assertEquals(straight.state(), resumed.state());
    }

    @Test
    void flush_partialWindow_isReportedFromHalfAWindowOnly() {
        FeatureExtractor ex = tenSecondWindows(TEN_HZ);
        run(ex, 160, i -> new double[] {0, 0, 1});
        Optional<WindowFeatures> partial = ex.flush();

        assertTrue(partial.isPresent());
        assertEquals(60, partial.get().samples());
        assertEquals(10.0, partial.get().startS(), 1e-9);
        run(ex, 49, i -> new double[] {0, 0, 1});
        assertFalse(ex.flush().isPresent(), "49 samples < 5 s");
        assertEquals(209, ex.samples());
    }

    @Test
    void settings_rateOutsideOneToHundredHz_isRejectedWithTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleRate.ofHz(200));
        assertTrue(e.getMessage().contains("1.0..100.0 Hz"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleRate.ofHz(Double.NaN));
    }
}
