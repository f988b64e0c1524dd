package io.herdgate.sim.motion;

import io.herdgate.sim.event.Calving;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Heat;
import io.herdgate.sim.event.Illness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.herdgate.sim.motion.Trace.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CowMotionTest {

    private static final long[] COWS = {1, 2, 3, 4};

    @Test
    void samples_sameSeedAndStart_areIdentical() {
        assertArrayEquals(render(7, 5_000), render(7, 5_000));
    }

    @Test
    void samples_differentSeeds_differ() {
        assertFalse(java.util.Arrays.equals(render(7, 5_000), render(8, 5_000)));
    }

    @Test
    void fill_inSmallOrLargeChunks_givesTheSameStream() {
        CowMotion a = CowMotion.of(CowTraits.random(3), T0, ZoneOffset.UTC, List.of());
        CowMotion b = CowMotion.of(CowTraits.random(3), T0, ZoneOffset.UTC, List.of());
        float[] whole = new float[3 * 36_000];
        float[] parts = new float[3 * 36_000];
        a.fill(whole, 0, 36_000, 10);
        for (int i = 0; i < 36_000; i += 7) {
            b.fill(parts, 3 * i, Math.min(7, 36_000 - i), 10);
        }
        assertArrayEquals(whole, parts);
        assertEquals(T0.plusSeconds(3600), a.now());
        assertEquals(a.now(), b.now());
    }

    @Test
    void standingCow_readsAbout1gOfGravity() {
        MotionSynth synth = MotionSynth.of(CowTraits.random(11));
        synth.startBout(Behaviour.STANDING);
        float[] xyz = new float[3 * 600];
        synth.fill(xyz, 0, 600, 1, 10);
        double sum = 0;
        for (int i = 300; i < 600; i++) {
            sum += Math.sqrt(xyz[3 * i] * xyz[3 * i] + xyz[3 * i + 1] * xyz[3 * i + 1] + xyz[3 * i + 2] * xyz[3 * i + 2]);
        }
        assertEquals(1.0, sum / 300, 0.05);
    }

    @Test
    void dailyRhythm_nightIsRestAndMorningIsGrazing() {
        double nightLying = 0;
        double morningGrazing = 0;
        for (long cow : COWS) {
            Trace t = Trace.of(cow, Duration.ofDays(3), List.of());
            for (int d = 0; d < 3; d++) {
                Instant day = T0.plus(Duration.ofDays(d));
                nightLying += t.fraction(day.plusSeconds(3600), day.plusSeconds(4 * 3600), Behaviour.LYING,
                        Behaviour.RUMINATING) / 3 / COWS.length;
                morningGrazing += t.fraction(day.plusSeconds(6 * 3600), day.plusSeconds(9 * 3600), Behaviour.GRAZING)
                        / 3 / COWS.length;
            }
        }
        // the leg-sensor minute recordings (data/minute, 4 cows, 187 days) lie 0.50..0.74 of 01-04 h by cow
        assertTrue(nightLying > 0.5 && nightLying < 0.85, "lying 01-04 h: " + nightLying);
        assertTrue(morningGrazing > 0.4, "grazing 06-09 h: " + morningGrazing);
    }

    @Test
    void heat_factor3_raisesActivity2To4TimesAgainstTheSameHoursBefore() {
        Instant start = T0.plus(Duration.ofDays(3)).plusSeconds(8 * 3600);
        Instant end = start.plus(Duration.ofHours(12));
        double ratioSum = 0;
        for (long cow : COWS) {
            Trace t = Trace.of(cow, Duration.ofDays(4), List.of(Heat.of(start, Duration.ofHours(12), 3.0)));
            double before = 0;
            for (int k = 1; k <= 3; k++) {
                before += t.meanVedba(start.minus(Duration.ofDays(k)), end.minus(Duration.ofDays(k))) / 3;
            }
            double ratio = t.meanVedba(start, end) / before;
            assertTrue(ratio > 1.5, "cow " + cow + ": heat activity ratio " + ratio);
            ratioSum += ratio;
        }
        double mean = ratioSum / COWS.length;
        assertTrue(mean >= 2 && mean <= 4, "mean heat activity ratio " + mean);
    }

    @Test
    void illness_severity04_cutsRuminationAndActivityBy25To55Percent() {
        Instant start = T0.plus(Duration.ofDays(2));
        Instant full = start.plus(Illness.ONSET);
        Instant end = full.plus(Duration.ofDays(2));
        double rumination = 0;
        double activity = 0;
        for (long cow : COWS) {
            Trace t = Trace.of(cow, Duration.ofDays(5), List.of(Illness.of(start, Duration.ofDays(4), 0.4)));
            rumination += t.fraction(full, end, Behaviour.RUMINATING) / t.fraction(T0, start, Behaviour.RUMINATING)
                    / COWS.length;
            activity += t.meanVedba(full, end) / t.meanVedba(T0, start) / COWS.length;
        }
        assertTrue(rumination >= 0.45 && rumination <= 0.75, "rumination ill / healthy " + rumination);
        assertTrue(activity >= 0.45 && activity <= 0.75, "activity ill / healthy " + activity);
    }

    @Test
    void lyingTimeAndBouts_perDay_areNearTheRecordings() {
        // data/minute (4 cows, 187 days): 8.2..10.8 h lying a day in 7.5..10 bouts of 54..77 min (median run of
        // lying minutes); data/calving's usual days 55 min per bout. Before lying bouts had their own length the
        // simulated cows lay 13..17 h a day in bouts of 50..120 min.
        double hours = 0;
        double bouts = 0;
        for (long cow : COWS) {
            Trace t = Trace.of(cow, Duration.ofDays(3), List.of());
            hours += t.fraction(T0, T0.plus(Duration.ofDays(3)), Behaviour.LYING, Behaviour.RUMINATING) * 24
                    / COWS.length;
            bouts += t.lyingBouts(T0, T0.plus(Duration.ofDays(3))) / 3.0 / COWS.length;
        }
        double boutMin = hours * 60 / bouts;
        assertTrue(hours >= 9 && hours <= 13, "lying h a day: " + hours);
        assertTrue(boutMin >= 30 && boutMin <= 80, "minutes per lying bout: " + boutMin + " (" + bouts + " a day)");
    }

    @Test
    void calving_lastDay_hasMoreLyingBoutsThanOrdinaryDays() {
        Instant calving = T0.plus(Duration.ofDays(3)).plusSeconds(12 * 3600);
        for (long cow : COWS) {
            Trace t = Trace.of(cow, Duration.ofDays(4), List.of(Calving.of(calving)));
            double ordinary = t.lyingBouts(T0, T0.plus(Duration.ofDays(2))) / 2.0;
            int last = t.lyingBouts(calving.minus(Duration.ofDays(1)), calving);
            assertTrue(last > 1.2 * ordinary, "cow " + cow + ": " + last + " lying bouts before calving, "
                    + ordinary + " per ordinary day");
        }
    }

    @Test
    void cowDown_showsNoMotionForItsWholeSpan() {
        Instant down = T0.plus(Duration.ofDays(1)).plusSeconds(10 * 3600);
        for (long cow : COWS) {
            Trace t = Trace.of(cow, Duration.ofDays(2), List.of(CowDown.of(down, Duration.ofHours(6))));
            double still = Trace.max(t.vedba, down.plusSeconds(30), down.plus(Duration.ofHours(6)));
            double before = t.meanVedba(down.minus(Duration.ofHours(6)), down);
            assertTrue(still < 0.02, "cow " + cow + ": largest VeDBA while down " + still + " g");
            assertTrue(before > 4 * still, "cow " + cow + ": VeDBA before " + before + " vs down " + still);
            assertTrue(t.meanVedba(down.plus(Duration.ofHours(7)), down.plus(Duration.ofHours(13))) > 2 * still,
                    "cow " + cow + " moves again after getting up");
        }
    }

    @Test
    void collarOff_readsStaticOrientationWithNearZeroVariance() {
        Instant off = T0.plus(Duration.ofDays(1)).plusSeconds(20 * 3600);
        for (long cow : COWS) {
            Trace t = Trace.of(cow, Duration.ofDays(2), List.of(CollarOff.of(off, Duration.ofHours(3))));
            // the first window holds the drop itself
            double sd = Trace.max(t.maxSd, off.plusSeconds(10), off.plus(Duration.ofHours(3)));
            assertTrue(sd < 0.01, "cow " + cow + ": largest axis sd while off " + sd + " g");
            int first = Trace.at(off) + 1;
            for (int w = first; w < Trace.at(off.plus(Duration.ofHours(3))); w++) {
                assertEquals(t.meanZ[first], t.meanZ[w], 0.01, "orientation must not change while off");
            }
        }
    }

    @Test
    void collarOff_magnitudeVarianceIsSensorNoiseOnly_belowWhatAWornCollarEverShows() {
        // a worn collar's quietest real minute (DEV 10-Hz recordings) varies by 2.1e-5 g² in |a|
        for (long cow : COWS) {
            CowMotion m = CowMotion.of(CowTraits.random(cow), T0, ZoneOffset.UTC,
                    List.of(CollarOff.of(T0, Duration.ofHours(1))));
            float[] xyz = new float[3 * 600];
            m.fill(xyz, 0, 600, 10); // the first minute holds the drop
            m.fill(xyz, 0, 600, 10);
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < xyz.length; i += 3) {
                double mag = Math.sqrt(xyz[i] * xyz[i] + xyz[i + 1] * xyz[i + 1] + xyz[i + 2] * xyz[i + 2]);
                sum += mag;
                sq += mag * mag;
            }
            double var = sq / 600 - (sum / 600) * (sum / 600);
            assertTrue(var < 5e-6, "cow " + cow + ": variance of |a| " + var + " g²");
        }
    }

    private static float[] render(long seed, int samples) {
        CowMotion cow = CowMotion.of(CowTraits.random(seed), T0, ZoneOffset.UTC, List.of());
        float[] xyz = new float[3 * samples];
        cow.fill(xyz, 0, samples, 10);
        return xyz;
    }
}
