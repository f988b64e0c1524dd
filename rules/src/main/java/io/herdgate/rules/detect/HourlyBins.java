package io.herdgate.rules.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A ring of one cow's last {@code size} clock hours: per hour the sums of activity, rumination minutes
 * and lying bouts, each with the minutes of the hour that carried a value (its coverage). Observations
 * of any length are spread over the hours they overlap in proportion, so 1-min, 15-min and 2-h data
 * fill the same bins. Hours are numbered in farm-local time ({@code floor((epochSecond + offset) / 3600)}),
 * so hour {@code h - 24k} is the same clock hour {@code k} days earlier.
 */
final class HourlyBins {

    static final int ACTIVITY = 0;
    static final int RUMINATION = 1;
    static final int BOUTS = 2;
    private static final int MEASURES = 3;

    private final int size;
    /** [measure][slot] sum of values; [measure][slot] minutes with a value. */
    private final float[][] sum = new float[MEASURES][];
    private final float[][] cov = new float[MEASURES][];
    /** The hour currently being filled; earlier hours are complete. */
    private long openHour = Long.MIN_VALUE;
    /**
     * The open hour's sums and coverage per measure, kept here and copied into the ring by
     * {@link #flush()}: a per-minute observation then writes one small array instead of six ring
     * arrays, which matters when thousands of cows' states do not fit the cache.
     */
    private final double[] open = new double[2 * MEASURES];

    HourlyBins(int size) {
        this.size = size;
        for (int m = 0; m < MEASURES; m++) {
            sum[m] = new float[size];
            cov[m] = new float[size];
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

    /** Makes {@code hour} the open hour, emptying slots that rotate in; a jump beyond the ring empties all. */
    void openAt(long hour) {
        flush();
        Arrays.fill(open, 0);
        if (openHour == Long.MIN_VALUE || hour - openHour >= size) {
            for (int m = 0; m < MEASURES; m++) {
                Arrays.fill(sum[m], 0f);
                Arrays.fill(cov[m], 0f);
            }
        } else {
            for (long h = openHour + 1; h <= hour; h++) {
                int s = slot(h);
                for (int m = 0; m < MEASURES; m++) {
                    sum[m][s] = 0f;
                    cov[m][s] = 0f;
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

    /** Copies the open hour's sums into the ring, so that {@link #rate} and {@link #coverage} see them. */
    void flush() {
        if (openHour != Long.MIN_VALUE) {
            int s = slot(openHour);
            for (int m = 0; m < MEASURES; m++) {
                sum[m][s] = (float) open[2 * m];
                cov[m][s] = (float) open[2 * m + 1];
            }
        }
    }

    /** True when {@code hour} is still held by the ring (not rotated out, not in the future). */
    boolean holds(long hour) {
        return openHour != Long.MIN_VALUE && hour <= openHour && openHour - hour < size;
    }

    /**
     * Mean value per covered minute over the {@code hours} hours ending with {@code lastHour}, or NaN when
     * less than {@code minCoverage} (0..1) of the span had values or part of it left the ring.
     */
    double rate(int measure, long lastHour, int hours, double minCoverage) {
        if (!holds(lastHour) || !holds(lastHour - hours + 1)) {
            return Double.NaN;
        }
        double s = 0;
        double c = 0;
        for (long h = lastHour - hours + 1; h <= lastHour; h++) {
            int i = slot(h);
            s += sum[measure][i];
            c += cov[measure][i];
        }
        return c >= minCoverage * hours * 60.0 && c > 0 ? s / c : Double.NaN;
    }

    /** Share (0..1) of the {@code hours} hours ending with {@code lastHour} that carried a value. */
    double coverage(int measure, long lastHour, int hours) {
        if (!holds(lastHour) || !holds(lastHour - hours + 1)) {
            return 0;
        }
        double c = 0;
        for (long h = lastHour - hours + 1; h <= lastHour; h++) {
            c += cov[measure][slot(h)];
        }
        return Math.min(1, c / (hours * 60.0));
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
                out.writeFloat(sum[m][i]);
                out.writeFloat(cov[m][i]);
            }
        }
    }

    void read(DataInput in) throws IOException {
        openHour = in.readLong();
        for (int i = 0; i < open.length; i++) {
            open[i] = in.readDouble();
        }
        for (int m = 0; m < MEASURES; m++) {
            for (int i = 0; i < size; i++) {
                sum[m][i] = in.readFloat();
                cov[m][i] = in.readFloat();
            }
        }
    }
}
