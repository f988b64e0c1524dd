package io.herdgate.rules.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A ring of one cow's last {@code size} clock hours: per hour the sums of activity, rumination minutes,
 * lying bouts and lying minutes, each with the minutes of the hour that carried a value (its coverage). Observations
 * of any length are spread over the hours they overlap in proportion, so 1-min, 15-min and 2-h data
 * fill the same bins. Hours are numbered in farm-local time ({@code floor((epochSecond + offset) / 3600)}),
 * so hour {@code h - 24k} is the same clock hour {@code k} days earlier.
 *
 * <p>The ring stores running totals (sum up to the end of each hour), so the sum over any window is
 * one subtraction: a baseline over seven days of 24-h windows costs 14 reads, not 168. Totals are
 * doubles; their rounding is far below the data's own precision.
 */
final class HourlyBins {

    static final int ACTIVITY = 0;
    static final int RUMINATION = 1;
    static final int BOUTS = 2;
    static final int LYING = 3;
    private static final int MEASURES = 4;

    private final int size;
    /** [measure][slot]: running total of values and of covered minutes up to the end of the slot's hour. */
    private final double[][] total = new double[MEASURES][];
    private final double[][] covered = new double[MEASURES][];
    /** The hour currently being filled; earlier hours are complete. */
    private long openHour = Long.MIN_VALUE;
    /**
     * The open hour's sums and coverage per measure, kept here and written into the ring by
     * {@link #flush()}: a per-minute observation then writes one small array instead of the ring.
     */
    private final double[] open = new double[2 * MEASURES];

    /**
     * Per measure, the sums of value and covered minutes of single clock hours over the {@code pooledDays}
     * days before each, in a small ring by hour ({@code pooledHour} tags the hour a slot holds). They do not
     * change once those days have closed, so a sliding window reads each only once; not part of the state
     * (recomputed from the ring after a restore), allocated on first use.
     */
    private final long[][] pooledHour = new long[MEASURES][];
    private final double[][] pooled = new double[MEASURES][];
    private int pooledDays = -1;

    HourlyBins(int size) {
        this.size = size;
        for (int m = 0; m < MEASURES; m++) {
            total[m] = new double[size];
            covered[m] = new double[size];
        }
    }

    int size() {
        return size;
    }

    boolean started() {
        return openHour != Long.MIN_VALUE;
    }

    long openHour() {
        return openHour;
    }

    /** Makes {@code hour} the open hour; hours skipped add nothing; a jump beyond the ring empties all. */
    void openAt(long hour) {
        flush();
        Arrays.fill(open, 0);
        if (openHour == Long.MIN_VALUE || hour - openHour >= size) {
            for (int m = 0; m < MEASURES; m++) {
                Arrays.fill(total[m], 0);
                Arrays.fill(covered[m], 0);
            }
            forgetPooled();
        } else {
            for (long h = openHour + 1; h <= hour; h++) {
                int s = slot(h);
                int p = slot(h - 1);
                for (int m = 0; m < MEASURES; m++) {
                    total[m][s] = total[m][p];
                    covered[m][s] = covered[m][p];
                }
            }
        }
        openHour = hour;
    }

    /** Adds {@code value} spread over {@code minutes} of the open hour. */
    void add(int measure, double value, double minutes) {
        open[2 * measure] += value;
        open[2 * measure + 1] += minutes;
    }

    /** Writes the open hour's totals into the ring, so that {@link #rate} and {@link #coverage} see them. */
    void flush() {
        if (openHour != Long.MIN_VALUE) {
            int s = slot(openHour);
            int p = slot(openHour - 1);
            for (int m = 0; m < MEASURES; m++) {
                total[m][s] = total[m][p] + open[2 * m];
                covered[m][s] = covered[m][p] + open[2 * m + 1];
            }
        }
    }

    /** True when the end of {@code hour} is still held by the ring (not rotated out, not in the future). */
    boolean holds(long hour) {
        return openHour != Long.MIN_VALUE && hour <= openHour && openHour - hour < size;
    }

    /**
     * Mean value per covered minute over the {@code hours} hours ending with {@code lastHour}, or NaN when
     * less than {@code minCoverage} (0..1) of the span had values or part of it left the ring.
     */
    double rate(int measure, long lastHour, int hours, double minCoverage) {
        if (!holds(lastHour) || !holds(lastHour - hours)) {
            return Double.NaN;
        }
        int a = slot(lastHour);
        int b = slot(lastHour - hours);
        double c = covered[measure][a] - covered[measure][b];
        return c >= minCoverage * hours * 60.0 && c > 0 ? (total[measure][a] - total[measure][b]) / c : Double.NaN;
    }

    /** Share (0..1) of the {@code hours} hours ending with {@code lastHour} that carried a value. */
    double coverage(int measure, long lastHour, int hours) {
        if (!holds(lastHour) || !holds(lastHour - hours)) {
            return 0;
        }
        double c = covered[measure][slot(lastHour)] - covered[measure][slot(lastHour - hours)];
        return Math.min(1, c / (hours * 60.0));
    }

    /** Sum of {@code measure} within the single {@code hour}; 0 when the ring no longer holds it. */
    double hourSum(int measure, long hour) {
        return holds(hour) && holds(hour - 1) ? total[measure][slot(hour)] - total[measure][slot(hour - 1)] : 0;
    }

    /** Minutes (0..60) of the single {@code hour} that carried a value of {@code measure}. */
    double hourCovered(int measure, long hour) {
        return holds(hour) && holds(hour - 1) ? covered[measure][slot(hour)] - covered[measure][slot(hour - 1)] : 0;
    }

    /** Sum of {@code measure} within clock hour {@code hour - 24k} over {@code k = 1..days}. */
    double pooledSum(int measure, long hour, int days) {
        int i = pooledSlot(measure, hour, days); // first: it may allocate the cache
        return pooled[measure][2 * i];
    }

    /** Covered minutes of clock hour {@code hour - 24k} over {@code k = 1..days}. */
    double pooledCovered(int measure, long hour, int days) {
        int i = pooledSlot(measure, hour, days);
        return pooled[measure][2 * i + 1];
    }

    /** The cache slot holding {@code hour}'s pooled sums, computed from the ring when it holds another hour. */
    private int pooledSlot(int measure, long hour, int days) {
        // The ring holds days × 24 hours plus the longest window, so this is at least one window long.
        int length = size - 24 * days;
        if (days != pooledDays) {
            forgetPooled();
            pooledDays = days;
        }
        if (pooledHour[measure] == null) {
            pooledHour[measure] = new long[length];
            Arrays.fill(pooledHour[measure], Long.MIN_VALUE);
            pooled[measure] = new double[2 * length];
        }
        int i = (int) Math.floorMod(hour, (long) length);
        if (pooledHour[measure][i] != hour) {
            double sum = 0;
            double minutes = 0;
            for (int k = 1; k <= days; k++) {
                sum += hourSum(measure, hour - 24L * k);
                minutes += hourCovered(measure, hour - 24L * k);
            }
            pooled[measure][2 * i] = sum;
            pooled[measure][2 * i + 1] = minutes;
            pooledHour[measure][i] = hour;
        }
        return i;
    }

    private void forgetPooled() {
        for (int m = 0; m < MEASURES; m++) {
            pooledHour[m] = null;
            pooled[m] = null;
        }
    }

    private int slot(long hour) {
        return (int) Math.floorMod(hour, (long) size);
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(openHour);
        for (double v : open) {
            out.writeDouble(v);
        }
        for (int m = 0; m < MEASURES; m++) {
            for (int i = 0; i < size; i++) {
                out.writeDouble(total[m][i]);
                out.writeDouble(covered[m][i]);
            }
        }
    }

    void read(DataInput in) throws IOException {
        forgetPooled();
        openHour = in.readLong();
        for (int i = 0; i < open.length; i++) {
            open[i] = in.readDouble();
        }
        for (int m = 0; m < MEASURES; m++) {
            for (int i = 0; i < size; i++) {
                total[m][i] = in.readDouble();
                covered[m][i] = in.readDouble();
            }
        }
    }
}
