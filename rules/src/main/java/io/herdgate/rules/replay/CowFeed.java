package io.herdgate.rules.replay;

import io.herdgate.rules.observe.MinuteObserver;
import io.herdgate.rules.series.CowId;
import java.time.Duration;

/**
 * One cow's place in the replay: her interval (given, or estimated from her first
 * {@link IntervalEstimator#SAMPLE} rows, which wait here until then), the end of her last row for the
 * time-order check, and her counts.
 */
final class CowFeed {

    final CowId cow;
    Duration interval;
    long intervalSeconds;
    long lastEndSeconds = Long.MIN_VALUE;
    long rows;
    long coveredSeconds;

    // raw samples: the per-minute observer and the time the next sample is due (epoch seconds)
    MinuteObserver observer;
    double nextSampleDue;

    // rows waiting for the interval estimate
    int pending;
    final long[] pendingSeconds;
    final int[] pendingNanos;
    final long[] pendingLines;
    final double[][] pendingMeasures;

    CowFeed(CowId cow, Duration interval) {
        this.cow = cow;
        boolean estimate = interval == null;
        int n = estimate ? IntervalEstimator.SAMPLE : 0;
        this.pendingSeconds = new long[n];
        this.pendingNanos = new int[n];
        this.pendingLines = new long[n];
        this.pendingMeasures = new double[n][];
        if (!estimate) {
            interval(interval);
        }
    }

    void interval(Duration d) {
        interval = d;
        intervalSeconds = d.getSeconds();
    }

    boolean waitingForInterval() {
        return interval == null;
    }
}
