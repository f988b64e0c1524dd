package io.herdgate.rules.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A cow's activity level relative to the herd at the same clock hours: the mean of
 * {@code ln(own rate / herd rate)} over her ordinary hours (a week's memory), shrunk towards 0 (= like
 * the herd) while she has few hours, so a new cow starts as an average cow and becomes herself.
 */
final class CowLevel {

    private static final int MEMORY_H = 168;

    private double meanLog;
    private int hours;

    /** exp(mean log ratio × n / (n + priorHours)): 1 with no history. */
    double ratio(double priorHours) {
        return Math.exp(meanLog * hours / (hours + priorHours));
    }

    void add(double ownRate, double herdRate) {
        if (ownRate > 0 && herdRate > 0) {
            hours = Math.min(hours + 1, MEMORY_H);
            meanLog += (Math.log(ownRate / herdRate) - meanLog) / hours;
        }
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(meanLog);
        out.writeInt(hours);
    }

    void read(DataInput in) throws IOException {
        meanLog = in.readDouble();
        hours = in.readInt();
    }
}
