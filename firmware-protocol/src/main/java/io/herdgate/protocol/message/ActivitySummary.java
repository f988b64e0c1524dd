package io.herdgate.protocol.message;

import java.util.List;

/**
 * Per-interval activity counts from a collar that aggregates on board.
 *
 * @param lastIntervalEndAgeS age in seconds of the end of the last interval when the frame was sent
 * @param intervalS           length of every interval in seconds, 1..65535
 * @param intervals           oldest first; 1..{@link #MAX_INTERVALS}
 */
public record ActivitySummary(long lastIntervalEndAgeS, int intervalS, List<Interval> intervals) implements Uplink {

    /** Most intervals per frame (22): 7 + 10 × 22 = 227 bytes fit the largest frame payload. */
    public static final int MAX_INTERVALS = 22;

    public ActivitySummary {
        if (lastIntervalEndAgeS < 0 || lastIntervalEndAgeS > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("lastIntervalEndAgeS out of 0..2^32-1: " + lastIntervalEndAgeS);
        }
        if (intervalS < 1 || intervalS > 0xFFFF) {
            throw new IllegalArgumentException("intervalS out of 1..65535: " + intervalS);
        }
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty() || intervals.size() > MAX_INTERVALS) {
            throw new IllegalArgumentException("intervals out of 1.." + MAX_INTERVALS + ": " + intervals.size());
        }
    }

    public static ActivitySummary of(long lastIntervalEndAgeS, int intervalS, List<Interval> intervals) {
        return new ActivitySummary(lastIntervalEndAgeS, intervalS, intervals);
    }

    @Override
    public MessageType type() {
        return MessageType.ACTIVITY_SUMMARY;
    }

    /**
     * One interval's counts; every field 0..65535.
     *
     * @param activity     movement count (dynamic acceleration above the on-collar threshold, in 10 mg·s)
     * @param steps        step-like peaks
     * @param lyingS       seconds lying
     * @param ruminationS  seconds ruminating
     * @param lyingBouts   lying bouts started in the interval
     */
    public record Interval(int activity, int steps, int lyingS, int ruminationS, int lyingBouts) {
        public Interval {
            check("activity", activity);
            check("steps", steps);
            check("lyingS", lyingS);
            check("ruminationS", ruminationS);
            check("lyingBouts", lyingBouts);
        }

        public static Interval of(int activity, int steps, int lyingS, int ruminationS, int lyingBouts) {
            return new Interval(activity, steps, lyingS, ruminationS, lyingBouts);
        }

        private static void check(String field, int v) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException(field + " out of 0..65535: " + v);
            }
        }
    }
}
