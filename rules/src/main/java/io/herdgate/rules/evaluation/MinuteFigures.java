package io.herdgate.rules.evaluation;

/**
 * Healthy per-minute cows, first complete, then with gaps cut out of the data.
 *
 * @param cowDays                  days of per-minute data
 * @param noMotionAlarms           cow-down alarms on the complete data (healthy cows: should be 0)
 * @param gaps                     gaps cut (absent rows or empty rows)
 * @param gapsOverThreshold        of which longer than the offline threshold
 * @param offlineAlarms            offline alarms on the gapped data
 * @param offlineAlarmsInLongGaps  offline alarms raised inside a gap longer than the threshold, at most
 *                                 one counted per gap
 * @param alarmsCausedByGaps       heat, illness or cow-down alarms of the gapped run that the complete
 *                                 run does not have (same cow and type, raised within 24 h)
 * @param calvingAlarms            calving alarms on the complete data (ordinary cows, no calving in the
 *                                 record: every one is false)
 */
public record MinuteFigures(double cowDays, int noMotionAlarms, int gaps, int gapsOverThreshold, int offlineAlarms,
                            int offlineAlarmsInLongGaps, int alarmsCausedByGaps, int calvingAlarms) {

    /** False calving alarms per cow-week of healthy data. */
    public double calvingAlarmsPerCowWeek() {
        return calvingAlarms / (cowDays / 7);
    }
}
