package io.herdgate.rules.replay;

import java.util.Arrays;

/**
 * One input row after parsing, reused from line to line by a {@link LineParser} so the hot path does
 * not allocate. Missing measures are {@code NaN}.
 */
final class ParsedRow {

    private final double[] measures = new double[InputColumn.values().length];
    private final double[] axes = new double[3];
    String cow = "";
    boolean newCow;
    long line;
    long seconds;
    int nanos;

    ParsedRow() {
        Arrays.fill(measures, Double.NaN);
    }

    /** The cow id as written (the same String instance while consecutive rows name the same cow). */
    String cow() {
        return cow;
    }

    /** 1-based line number in the input file. */
    long line() {
        return line;
    }

    /** The measure, {@code NaN} when the field is empty or the column absent. */
    double measure(InputColumn c) {
        return measures[c.ordinal()];
    }

    double[] measures() {
        return measures;
    }

    double[] axes() {
        return axes;
    }

    /** True when every measure is missing (the collar delivered no data for this interval). */
    boolean empty() {
        for (double v : measures) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
