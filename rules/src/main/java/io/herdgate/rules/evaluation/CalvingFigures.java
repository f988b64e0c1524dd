package io.herdgate.rules.evaluation;

/**
 * Calving alarms on the 72 h before each calving. A calving counts as alarmed when a calving alarm is
 * raised in the 24 h up to the start of the calving block; alarms raised earlier are false.
 *
 * @param calvings       calvings (cow-lactations)
 * @param alarmed        calvings with an alarm within 24 h before
 * @param falseAlarms    calving alarms raised more than 24 h before calving
 * @param cowWeeksBefore observed time more than 24 h before calving, in cow-weeks
 */
public record CalvingFigures(int calvings, int alarmed, int falseAlarms, double cowWeeksBefore) {

    public double alarmedShare() {
        return calvings == 0 ? Double.NaN : (double) alarmed / calvings;
    }

    public double falseAlarmsPerCowWeek() {
        return falseAlarms / cowWeeksBefore;
    }
}
