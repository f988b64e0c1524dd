package io.herdgate.rules.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A ring of one cow's last {@code size} clock hours: per hour the sums of activity, rumination minutes,
 * lying bouts and lying minutes, each with the seconds of the hour that carried a value (its coverage).
 * Observations of any length are spread over the hours they overlap in proportion, so 1-min, 15-min and
 * 2-h data fill the same bins. Hours are numbered in farm-local time
 * ({@code floor((epochSecond + offset) / 3600)}), so hour {@code h - 24k} is the same clock hour {@code k}
 * days earlier.
 *
 * <p>Compact on purpose, since a gateway keeps one ring per cow (2,000 cows on a 64 MB heap): per hour and
 * measure one {@code int}, 4 bytes where running totals in doubles took 16. Its low 12 bits hold the covered
 * seconds (0..3600, exact: observations start and end on whole seconds); its high 20 bits the hour's sum as
 * a non-negative {@code float} rounded to the nearest value with 12 mantissa bits, so a stored sum is
 * within a relative 2<sup>-13</sup> (0.012 %) of the exact one, over float's whole range (every measure is
 * non-negative). The open hour is kept exactly, in doubles, until {@link #flush()} stores it; rounding then
 * depends only on that hour's own sum, so a replay and one resumed from a snapshot store the same bits. A
 * window's sum is added up hour by hour in doubles: at most a few hundred reads, once per cow and closed
 * hour.
 */
final class HourlyBins {

    static final int ACTIVITY = 0;
    static final int RUMINATION = 1;
    static final int BOUTS = 2;
    static final int LYING = 3;
    private static final int MEASURES = 4;
    private static final int SECONDS_PER_HOUR = 3600;
    /** Bits of a cell holding the covered seconds (3600 < 2^12); the sum's bits are above them. */
    private static final int COVERED_BITS = 12;
    private static final int COVERED_MASK = (1 << COVERED_BITS) - 1;
    /** Low mantissa bits of the sum's float that a cell drops (23 - 11 = 12 are kept). */
    private static final int DROPPED_BITS = 11;

    private final int size;
    /** [slot * MEASURES + measure]: the hour's sum and covered seconds, see {@link #cell}. */
    private final int[] cells;
    /** The hour currently being filled; earlier hours are complete. */
    private long openHour = Long.MIN_VALUE;
    /**
     * The open hour's sums and covered seconds per measure, kept here and written into the ring by
     * {@link #flush()}: a per-minute observation then writes these small arrays instead of the ring.
     */
    private final double[] openSum = new double[MEASURES];
    private final int[] openCovered = new int[MEASURES];

    /**
     * Per measure, the sums of value and covered minutes of single clock hours over the {@code pooledDays}
     * days before each, in a small ring by hour ({@code pooledHour} tags the hour a slot holds). They do not
     * change once those days have closed, so a sliding window reads each only once; not part of the state
     * (recomputed from the ring after a restore), allocated on first use, and only when {@code cachePooled}:
     * up to 2.5 KB a cow, nearly the ring itself, which a replay's CPU time repays and a live gateway's
     * memory does not (it closes one hour a cow an hour); both arrays are null without it.
     */
    private final boolean cachePooled;
    private final long[][] pooledHour;
    private final double[][] pooled;
    private int pooledDays = -1;

    /**
     * @param size        hours the ring holds
     * @param cachePooled whether {@link #pooledSum} and {@link #pooledCovered} keep what they read from the
     *                    ring (same results either way, bit for bit)
     */
    HourlyBins(int size, boolean cachePooled) {
        this.size = size;
        this.cachePooled = cachePooled;
        this.cells = new int[size * MEASURES];
        this.pooledHour = cachePooled ? new long[MEASURES][] : null;
        this.pooled = cachePooled ? new double[MEASURES][] : null;
    }

    boolean cachesPooled() {
        return cachePooled;
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
        Arrays.fill(openSum, 0);
        Arrays.fill(openCovered, 0);
        if (openHour == Long.MIN_VALUE || hour - openHour >= size) {
            Arrays.fill(cells, 0);
            forgetPooled();
        } else {
            for (long h = openHour + 1; h <= hour; h++) {
                int at = slot(h) * MEASURES;
                Arrays.fill(cells, at, at + MEASURES, 0);
            }
        }
        openHour = hour;
    }

    /** Adds {@code value} spread over {@code seconds} of the open hour. */
    void add(int measure, double value, int seconds) {
        openSum[measure] += value;
        openCovered[measure] += seconds;
    }

    /** Writes the open hour's sums into the ring, so that {@link #rate} and {@link #coverage} see them. */
    void flush() {
        if (openHour != Long.MIN_VALUE) {
            int at = slot(openHour) * MEASURES;
            for (int m = 0; m < MEASURES; m++) {
                // Observations do not overlap (the engine refuses them), so an hour holds at most 3,600 s.
                cells[at + m] = cell(openSum[m], Math.min(openCovered[m], SECONDS_PER_HOUR));
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
        double total = 0;
        long seconds = 0;
        int at = slot(lastHour - hours + 1);
        for (int i = 0; i < hours; i++) {
            int k = at * MEASURES + measure;
            total += sum(cells[k]);
            seconds += cells[k] & COVERED_MASK;
            at = at + 1 == size ? 0 : at + 1;
        }
        double c = seconds / 60.0;
        return c >= minCoverage * hours * 60.0 && c > 0 ? total / c : Double.NaN;
    }

    /** Share (0..1) of the {@code hours} hours ending with {@code lastHour} that carried a value. */
    double coverage(int measure, long lastHour, int hours) {
        if (!holds(lastHour) || !holds(lastHour - hours)) {
            return 0;
        }
        long seconds = 0;
        int at = slot(lastHour - hours + 1);
        for (int i = 0; i < hours; i++) {
            seconds += cells[at * MEASURES + measure] & COVERED_MASK;
            at = at + 1 == size ? 0 : at + 1;
        }
        return Math.min(1, seconds / (hours * 3600.0));
    }

    /** Sum of {@code measure} within the single {@code hour}; 0 when the ring does not hold it. */
    double hourSum(int measure, long hour) {
        return holds(hour) ? sum(cells[slot(hour) * MEASURES + measure]) : 0;
    }

    /** Minutes (0..60) of the single {@code hour} that carried a value of {@code measure}. */
    double hourCovered(int measure, long hour) {
        return holds(hour) ? (cells[slot(hour) * MEASURES + measure] & COVERED_MASK) / 60.0 : 0;
    }

    /** Sum of {@code measure} within clock hour {@code hour - 24k} over {@code k = 1..days}. */
    double pooledSum(int measure, long hour, int days) {
        if (!cachePooled) {
            return ringPooledSum(measure, hour, days);
        }
        int i = pooledSlot(measure, hour, days); // first: it may allocate the cache
        return pooled[measure][2 * i];
    }

    /** Covered minutes of clock hour {@code hour - 24k} over {@code k = 1..days}. */
    double pooledCovered(int measure, long hour, int days) {
        if (!cachePooled) {
            return ringPooledCovered(measure, hour, days);
        }
        int i = pooledSlot(measure, hour, days);
        return pooled[measure][2 * i + 1];
    }

    private double ringPooledSum(int measure, long hour, int days) {
        double total = 0;
        for (int k = 1; k <= days; k++) {
            total += hourSum(measure, hour - 24L * k);
        }
        return total;
    }

    private double ringPooledCovered(int measure, long hour, int days) {
        double minutes = 0;
        for (int k = 1; k <= days; k++) {
            minutes += hourCovered(measure, hour - 24L * k);
        }
        return minutes;
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
            pooled[measure][2 * i] = ringPooledSum(measure, hour, days);
            pooled[measure][2 * i + 1] = ringPooledCovered(measure, hour, days);
            pooledHour[measure][i] = hour;
        }
        return i;
    }

    private void forgetPooled() {
        if (!cachePooled) {
            return;
        }
        for (int m = 0; m < MEASURES; m++) {
            pooledHour[m] = null;
            pooled[m] = null;
        }
    }

    /**
     * A cell of {@code sum} (≥ 0; a negative one, which no measure has, is stored as 0) and {@code seconds}
     * (0..3600): the float's bits rounded to the nearest multiple of 2^11 (a carry into the exponent is the
     * next power of two, as it should be) and shifted above the seconds.
     */
    static int cell(double sum, int seconds) {
        int bits = Float.floatToRawIntBits((float) Math.max(0, sum));
        return ((bits + (1 << (DROPPED_BITS - 1))) >>> DROPPED_BITS) << COVERED_BITS | seconds;
    }

    /** The sum a {@link #cell} holds. */
    static float sum(int cell) {
        return Float.intBitsToFloat((cell >>> COVERED_BITS) << DROPPED_BITS);
    }

    private int slot(long hour) {
        return (int) Math.floorMod(hour, (long) size);
    }

    /** Layout: open hour (long); per measure its open sum (double) and seconds (int); the ring's cells (int). */
    void write(DataOutput out) throws IOException {
        out.writeLong(openHour);
        for (int m = 0; m < MEASURES; m++) {
            out.writeDouble(openSum[m]);
            out.writeInt(openCovered[m]);
        }
        for (int c : cells) {
            out.writeInt(c);
        }
    }

    void read(DataInput in) throws IOException {
        readOpenHour(in);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = in.readInt();
        }
    }

    /**
     * Reads the layout of snapshot versions 4 and 5: as {@link #write}, but each slot a {@code float} sum and
     * a {@code char} of covered seconds, rounded into cells here.
     */
    void readVersion5(DataInput in) throws IOException {
        readOpenHour(in);
        for (int i = 0; i < cells.length; i++) {
            float sum = in.readFloat();
            cells[i] = cell(sum, Math.min(in.readChar(), SECONDS_PER_HOUR));
        }
    }

    private void readOpenHour(DataInput in) throws IOException {
        forgetPooled();
        openHour = in.readLong();
        for (int m = 0; m < MEASURES; m++) {
            openSum[m] = in.readDouble();
            openCovered[m] = in.readInt();
        }
    }

    /**
     * Reads the layout of snapshot version 3 (running totals in doubles): the open hour, per measure its
     * open sum and minutes, then per measure and slot the running totals of value and covered minutes.
     * Each held hour becomes the difference of its total and the previous hour's; the oldest slot, whose
     * previous hour has left the ring, was only ever read as a window's start and stays empty.
     */
    void readVersion3(DataInput in) throws IOException {
        forgetPooled();
        openHour = in.readLong();
        for (int m = 0; m < MEASURES; m++) {
            openSum[m] = in.readDouble();
            openCovered[m] = (int) Math.round(in.readDouble() * 60);
        }
        double[][] total = new double[MEASURES][size];
        double[][] minutes = new double[MEASURES][size];
        for (int m = 0; m < MEASURES; m++) {
            for (int i = 0; i < size; i++) {
                total[m][i] = in.readDouble();
                minutes[m][i] = in.readDouble();
            }
        }
        Arrays.fill(cells, 0);
        if (openHour == Long.MIN_VALUE) {
            return;
        }
        for (long h = openHour - size + 2; h <= openHour; h++) {
            int s = slot(h);
            int p = slot(h - 1);
            for (int m = 0; m < MEASURES; m++) {
                long seconds = Math.round((minutes[m][s] - minutes[m][p]) * 60);
                cells[s * MEASURES + m] = cell(total[m][s] - total[m][p],
                        (int) Math.max(0, Math.min(seconds, SECONDS_PER_HOUR)));
            }
        }
    }
}
