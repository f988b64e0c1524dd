package io.herdgate.rules.detect;

import java.time.Instant;

/**
 * The hour being closed and what the hourly detectors share: the engine-wide herd prior, the listener
 * and the calendar.
 *
 * @param hour    farm-local hour number (see {@link HourlyBins})
 * @param endSec  epoch second at which the hour ends (event time of any alarm it raises)
 */
record HourContext(long hour, long endSec, HerdPrior herd, AlarmListener listener, CalvingCalendar calendar) {

    int hourOfDay() {
        return (int) Math.floorMod(hour, 24L);
    }

    Instant end() {
        return Instant.ofEpochSecond(endSec);
    }
}
