package io.herdgate.rules.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HourlyBinsTest {

    private static final int SIZE = 30;

    /** Hour {@code h}'s activity: an uneven value and 40 or 60 covered minutes. */
    private static double value(long h) {
        return 100 + 7.25 * (h % 11);
    }

    private static int seconds(long h) {
        return h % 3 == 0 ? 2400 : 3600;
    }

    /** A ring filled with hours {@code 0..last} of {@link #value}, the last one open. */
    private static HourlyBins filled(long last) {
        HourlyBins bins = new HourlyBins(SIZE, true);
        for (long h = 0; h <= last; h++) {
            bins.openAt(h);
            bins.add(HourlyBins.ACTIVITY, value(h), seconds(h));
        }
        bins.flush();
        return bins;
    }

    private static double expectedRate(long lastHour, int hours) {
        double sum = 0;
        double minutes = 0;
        for (long h = lastHour - hours + 1; h <= lastHour; h++) {
            sum += value(h);
            minutes += seconds(h) / 60.0;
        }
        return sum / minutes;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 24, SIZE - 1})
    void rate_overAWindow_isItsSumPerCoveredMinute_acrossTheRingsWrap(int hours) {
        HourlyBins bins = filled(100);
        assertEquals(expectedRate(100, hours), bins.rate(HourlyBins.ACTIVITY, 100, hours, 0.5), 1e-9);
        int earlier = Math.min(hours, SIZE - 6); // ending 5 hours back, the window must still start inside the ring
        assertEquals(expectedRate(95, earlier), bins.rate(HourlyBins.ACTIVITY, 95, earlier, 0.5), 1e-9);
    }

    @Test
    void rate_windowLeavingTheRingOrTooThinlyCovered_isNaN() {
        HourlyBins bins = filled(100);
        assertTrue(Double.isNaN(bins.rate(HourlyBins.ACTIVITY, 100, SIZE, 0)), "part of it left the ring");
        assertTrue(Double.isNaN(bins.rate(HourlyBins.ACTIVITY, 101, 1, 0)), "the future");
        assertTrue(Double.isNaN(bins.rate(HourlyBins.ACTIVITY, 99, 3, 0.9)), "40 + 60 + 60 of 180 minutes");
        assertTrue(Double.isNaN(bins.rate(HourlyBins.RUMINATION, 100, 3, 0.1)), "no rumination at all");
    }

    @Test
    void openAt_skippedHours_countAsEmpty() {
        HourlyBins bins = filled(10);
        bins.openAt(14);
        bins.add(HourlyBins.ACTIVITY, 50, 3600);
        bins.flush();
        assertEquals((value(10) + 50) / (seconds(10) / 60.0 + 60), bins.rate(HourlyBins.ACTIVITY, 14, 5, 0), 1e-9);
        assertEquals((seconds(10) + 3600) / (5 * 3600.0), bins.coverage(HourlyBins.ACTIVITY, 14, 5), 1e-12);
    }

    @Test
    void writeThenRead_givesTheSameRing() throws IOException {
        HourlyBins bins = filled(77);
        bins.add(HourlyBins.LYING, 12.5, 900);
        HourlyBins copy = new HourlyBins(SIZE, true);
        copy.read(new DataInputStream(new ByteArrayInputStream(bytes(bins))));
        assertEquals(bytes(bins).length, bytes(copy).length);
        assertEquals(java.util.Arrays.toString(bytes(bins)), java.util.Arrays.toString(bytes(copy)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-30, 0.1, 1 / 3.0, 59.99, 123_456.789, 3.3e38})
    void cell_sum_isWithinARelative2PowMinus13OfTheExactOne(double sum) {
        for (int seconds : new int[] {0, 1, 1799, 3600}) {
            int cell = HourlyBins.cell(sum, seconds);
            assertEquals(sum, HourlyBins.sum(cell), sum * 0x1p-13, "sum of " + sum);
            assertEquals(seconds, cell & 0xFFF, "seconds beside " + sum);
        }
    }

    @Test
    void cell_roundsToTheNearestHeldValue_carryingIntoTheExponent() {
        assertEquals(1 + 0x1p-12, HourlyBins.sum(HourlyBins.cell(1 + 0x1p-12 + 0x1p-15, 0)), 0, "down");
        assertEquals(1 + 0x1p-11, HourlyBins.sum(HourlyBins.cell(1 + 0x1p-12 + 0x1p-13 + 0x1p-15, 0)), 0, "up");
        assertEquals(2, HourlyBins.sum(HourlyBins.cell(2 - 0x1p-15, 0)), 0, "up across a power of two");
        assertEquals(0, HourlyBins.sum(HourlyBins.cell(-0.0, 60)), 0, "no negative sums");
    }

    /** Versions 4 and 5 kept per slot a float sum and a char of covered seconds, written here as they did. */
    @Test
    void readVersion5_floatSumsAndCharSeconds_becomeTheSameWindowRates() throws IOException {
        long open = 100;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeLong(open);
            for (int k = 0; k < 4; k++) {
                out.writeDouble(k == HourlyBins.ACTIVITY ? 8.5 : 0);
                out.writeInt(k == HourlyBins.ACTIVITY ? 300 : 0);
            }
            for (int i = 0; i < SIZE; i++) {
                long h = open - Math.floorMod(open - i, (long) SIZE); // the hour slot i holds
                for (int k = 0; k < 4; k++) {
                    out.writeFloat(k == HourlyBins.ACTIVITY ? (float) value(h) : 0);
                    out.writeChar(k == HourlyBins.ACTIVITY ? seconds(h) : 0);
                }
            }
        }
        HourlyBins bins = new HourlyBins(SIZE, true);
        bins.readVersion5(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        assertEquals(open, bins.openHour());
        for (int hours : new int[] {1, 10, SIZE - 2}) {
            assertEquals(expectedRate(99, hours), bins.rate(HourlyBins.ACTIVITY, 99, hours, 0), 1e-9, hours + " h");
        }
        bins.flush();
        assertEquals(8.5 / 5, bins.rate(HourlyBins.ACTIVITY, 100, 1, 0), 1e-9, "the open hour as it was");
    }

    /**
     * Version 3 kept running totals of values and covered minutes in doubles (open hour, per measure its
     * open sum and minutes, then per measure and slot the totals); written here as that code wrote it.
     */
    @Test
    void readVersion3_runningTotals_becomeTheSameWindowRates() throws IOException {
        long open = 100;
        double[][] total = new double[4][SIZE];
        double[][] minutes = new double[4][SIZE];
        double t = 0;
        double m = 0;
        for (long h = 0; h <= open; h++) {
            t += value(h);
            m += seconds(h) / 60.0;
            int slot = (int) Math.floorMod(h, (long) SIZE);
            total[HourlyBins.ACTIVITY][slot] = t;
            minutes[HourlyBins.ACTIVITY][slot] = m;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeLong(open);
            for (int k = 0; k < 4; k++) {
                out.writeDouble(k == HourlyBins.ACTIVITY ? 8.5 : 0); // open hour: more since its last flush
                out.writeDouble(k == HourlyBins.ACTIVITY ? 5 : 0);
            }
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < SIZE; i++) {
                    out.writeDouble(total[k][i]);
                    out.writeDouble(minutes[k][i]);
                }
            }
        }
        HourlyBins bins = new HourlyBins(SIZE, true);
        bins.readVersion3(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        assertEquals(open, bins.openHour());
        for (int hours : new int[] {1, 10, SIZE - 2}) {
            assertEquals(expectedRate(99, hours), bins.rate(HourlyBins.ACTIVITY, 99, hours, 0), 1e-6, hours + " h");
        }
        bins.flush();
        assertEquals(8.5 / 5, bins.rate(HourlyBins.ACTIVITY, 100, 1, 0), 1e-9, "the open hour's own sums win at flush");
    }

    private static byte[] bytes(HourlyBins bins) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            bins.write(out);
        }
        return buf.toByteArray();
    }
}
