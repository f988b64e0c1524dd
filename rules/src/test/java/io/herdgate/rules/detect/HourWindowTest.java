package io.herdgate.rules.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The hour-by-hour window judgement on a ring filled directly. */
class HourWindowTest {

    private static final int DAYS = 7;
    private static final int WINDOW = 10;
    /** The last hour of the judged window: day 8, 18:00 to 19:00. */
    private static final long NOW = 8 * 24 + 18;

    /** Activity per minute by clock hour: quiet at night, busy by day. */
    private static double profile(long hour) {
        long h = Math.floorMod(hour, 24L);
        return h < 6 ? 0.5 : 2.0 + h % 3;
    }

    /** A ring with {@code minutes(hour)} covered minutes per hour, each at {@code factor(hour)} × the profile. */
    private static HourlyBins ring(LongToDoubleFunction minutes, LongToDoubleFunction factor) {
        HourlyBins bins = new HourlyBins(DAYS * 24 + WINDOW + 1, true);
        for (long h = 0; h <= NOW; h++) {
            bins.openAt(h);
            double m = minutes.applyAsDouble(h);
            bins.add(HourlyBins.ACTIVITY, profile(h) * factor.applyAsDouble(h) * m, (int) (m * 60));
        }
        bins.flush();
        return bins;
    }

    private static HourWindow window(HourlyBins bins) {
        return HourWindow.of(bins, HourlyBins.ACTIVITY, NOW, WINDOW, DAYS);
    }

    private static double meanProfile() {
        double sum = 0;
        for (long h = NOW - WINDOW + 1; h <= NOW; h++) {
            sum += profile(h);
        }
        return sum / WINDOW;
    }

    @Test
    void of_completeHistory_restsOnSevenDaysAtTheMeanOfTheHourlyRates() {
        HourWindow w = window(ring(h -> 60, h -> 1));
        assertEquals(7, w.days(), 1e-9);
        assertEquals(meanProfile(), w.ownRate(), 1e-9);
        assertEquals(1, w.coverage(), 1e-9);
        assertEquals(1, w.ratio(w.ownRate()), 1e-9);
    }

    @Test
    void of_halfHourGapOnAnEarlierDay_removesHalfAnHourOfHistoryNotTheDay() {
        long gapHour = NOW - 24 * 3 - 2; // inside the window's clock hours three days back
        HourWindow w = window(ring(h -> h == gapHour ? 30 : 60, h -> 1));
        assertEquals(7 - 0.5 / WINDOW, w.days(), 1e-9);
        assertEquals(meanProfile(), w.ownRate(), 1e-9);
    }

    @Test
    void ratio_gapInTheWindow_isJudgedOnTheCoveredMinutesAgainstTheirOwnClockHours() {
        // The busiest hours of the window are missing; what is left is exactly as usual.
        HourWindow w = window(ring(h -> h > NOW - 2 ? 0 : 60, h -> 1));
        assertEquals(0.8, w.coverage(), 1e-9);
        assertEquals(1, w.ratio(w.ownRate()), 1e-9);
        assertEquals(1, w.filledRatio(w.ownRate()), 1e-9);
        assertTrue(w.expectedCovered() < w.coverage(), "the missing hours were expected to be busier than the mean");
    }

    @Test
    void quietFilledRatio_gapInARisingWindow_isBelowTheCoveredRatio() {
        // Activity doubled in the window; two of its hours are missing.
        HourWindow w = window(ring(h -> h > NOW - 2 ? 0 : 60, h -> h > NOW - WINDOW ? 2 : 1));
        double base = w.ownRate();
        assertEquals(2, w.ratio(base), 1e-9);
        assertEquals(2 * w.expectedCovered(), w.quietFilledRatio(base), 1e-9);
        assertTrue(w.quietFilledRatio(base) < w.filledRatio(base) && w.filledRatio(base) < w.ratio(base));
    }

    @Test
    void of_slidingWindow_equalsTheWindowOfAFreshlyFilledRing() {
        HourlyBins sliding = new HourlyBins(DAYS * 24 + WINDOW + 1, true);
        for (long h = 0; h <= NOW; h++) {
            sliding.openAt(h);
            sliding.add(HourlyBins.ACTIVITY, profile(h) * (h % 7 == 0 ? 30 : 55), (h % 7 == 0 ? 30 : 55) * 60);
            sliding.flush();
            HourWindow.of(sliding, HourlyBins.ACTIVITY, h, WINDOW, DAYS); // fills the pooled cache hour by hour
        }
        HourWindow fresh = window(ring(h -> h % 7 == 0 ? 30 : 55, h -> 1));
        assertEquals(fresh, window(sliding));
    }

    @Test
    void of_withoutPooledCache_equalsTheCachedWindowBitForBit() {
        HourlyBins cached = new HourlyBins(DAYS * 24 + WINDOW + 1, true);
        HourlyBins uncached = new HourlyBins(DAYS * 24 + WINDOW + 1, false);
        for (long h = 0; h <= NOW; h++) {
            for (HourlyBins bins : List.of(cached, uncached)) {
                bins.openAt(h);
                bins.add(HourlyBins.ACTIVITY, profile(h) * (h % 5 + 0.1) / 3, (int) (h % 61) * 59);
                bins.flush();
            }
            // record equality compares the doubles' bits: the same sums in the same order
            assertEquals(HourWindow.of(cached, HourlyBins.ACTIVITY, h, WINDOW, DAYS),
                    HourWindow.of(uncached, HourlyBins.ACTIVITY, h, WINDOW, DAYS), "hour " + h);
        }
    }

    @Test
    void of_afterAGapLongerThanTheRing_forgetsTheHistory() {
        HourlyBins bins = ring(h -> 60, h -> 1);
        window(bins);
        long later = NOW + bins.size() + 24;
        bins.openAt(later);
        bins.add(HourlyBins.ACTIVITY, 60, 3600);
        bins.flush();
        HourWindow w = HourWindow.of(bins, HourlyBins.ACTIVITY, later, WINDOW, DAYS);
        assertEquals(0, w.days(), 1e-9);
        assertTrue(Double.isNaN(w.ownRate()));
    }

    @Test
    void of_noHistory_hasNoOwnRateAndJudgesCoverageAlone() {
        HourWindow w = window(ring(h -> h > NOW - WINDOW ? 60 : 0, h -> 1));
        assertEquals(0, w.days(), 1e-9);
        assertTrue(Double.isNaN(w.ownRate()));
        assertEquals(1, w.expectedCovered(), 1e-9);
    }
}
