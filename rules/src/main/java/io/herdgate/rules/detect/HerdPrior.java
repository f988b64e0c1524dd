package io.herdgate.rules.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The herd's typical heat-window activity rate per clock hour (0..23), so that a cow without history
 * still gets a judgement: her prior baseline is the herd's level at that hour times her own level
 * relative to the herd (see {@link CowLevel}). A running mean that turns into an exponential average
 * after {@value #MEMORY} updates per hour, so it follows the season.
 */
final class HerdPrior {

    /** About two weeks of a 60-cow herd per clock hour. */
    static final int MEMORY = 1000;
    /** Fewer contributions than this are too few cows to call a level typical. */
    static final int MIN_CONTRIBUTIONS = 20;

    private final double[] level = new double[24];
    private final int[] count = new int[24];

    /** The herd level at this clock hour, NaN until {@link #MIN_CONTRIBUTIONS} hours have contributed to it. */
    double level(int hourOfDay) {
        return count[hourOfDay] < MIN_CONTRIBUTIONS ? Double.NaN : level[hourOfDay];
    }

    /** True once some clock hour has a level: the herd has been watched for a window's length. */
    boolean established() {
        for (int c : count) {
            if (c >= MIN_CONTRIBUTIONS) {
                return true;
            }
        }
        return false;
    }

    void add(int hourOfDay, double rate) {
        count[hourOfDay] = Math.min(count[hourOfDay] + 1, MEMORY);
        level[hourOfDay] += (rate - level[hourOfDay]) / count[hourOfDay];
    }

    void write(DataOutput out) throws IOException {
        for (int h = 0; h < 24; h++) {
            out.writeDouble(level[h]);
            out.writeInt(count[h]);
        }
    }

    void read(DataInput in) throws IOException {
        for (int h = 0; h < 24; h++) {
            level[h] = in.readDouble();
            count[h] = in.readInt();
        }
    }
}
