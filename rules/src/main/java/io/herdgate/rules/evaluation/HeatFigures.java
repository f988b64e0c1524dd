package io.herdgate.rules.evaluation;

/**
 * Heat alarms against SCR Heatime's own episodes. An alarm matches an episode when it is raised
 * from 12 h before the episode's first block to 12 h after its end. Episodes peaking between −2 and +3
 * days in milk are calving restlessness: left out, and alarms matching only those are ignored.
 *
 * @param episodes        episodes counted
 * @param detected        counted episodes matched by at least one alarm
 * @param alarms          heat alarms counted (all raised, less those matching only left-out episodes)
 * @param truePositives   counted alarms that match a counted episode
 * @param cowDays         days of data (2-h blocks / 12)
 */
public record HeatFigures(int episodes, int detected, int alarms, int truePositives, double cowDays) {

    public double sensitivity() {
        return episodes == 0 ? Double.NaN : (double) detected / episodes;
    }

    public double ppv() {
        return alarms == 0 ? Double.NaN : (double) truePositives / alarms;
    }

    public double alarmsPer100CowDays() {
        return 100 * alarms / cowDays;
    }
}
