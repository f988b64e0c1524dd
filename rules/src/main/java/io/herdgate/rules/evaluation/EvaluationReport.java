package io.herdgate.rules.evaluation;

import java.util.Locale;

/**
 * All evaluation figures; {@link #render()} gives them as text for people.
 *
 * @param calving the calving set as delivered (leg and neck: rumination where the collar had it)
 * @param calvingWithoutRumination the same calvings with rumination dropped, as a collar without it sees them
 */
public record EvaluationReport(HeatFigures heat, CalvingFigures calving, CalvingFigures calvingWithoutRumination,
                               MinuteFigures minute) {

    public static EvaluationReport of(HeatFigures heat, CalvingFigures calving, CalvingFigures calvingWithoutRumination,
                                      MinuteFigures minute) {
        return new EvaluationReport(heat, calving, calvingWithoutRumination, minute);
    }

    public String render() {
        return String.format(Locale.ROOT, """
                heat (heat/, SCR episodes, match = raised from 12 h before an episode to 12 h after it)
                  episodes counted          %d
                  detected                  %d   sensitivity %.3f   (target >= 0.90)
                  heat alarms               %d   PPV %.3f   (target >= 0.90)
                  alarms per 100 cow-days   %.2f   (target <= 4; %.0f cow-days)
                calving (calving/, alarm within 24 h before the calving block)
                  calvings                  %d
                  alarmed                   %d   share %.3f   (target >= 0.90)
                  false alarms              %d   per cow-week %.3f   (target <= 0.1; %.1f cow-weeks)
                calving without rumination (the same calvings, rumination dropped: a collar that does not measure it)
                  alarmed                   %d   share %.3f
                  false alarms              %d   per cow-week %.3f
                minute (minute/, healthy per-minute cows, %.1f cow-days)
                  cow-down alarms           %d   (target 0)
                  gaps cut                  %d, of which %d longer than the offline threshold
                  offline alarms            %d, inside long gaps %d   (target: one per long gap, none else)
                  alarms caused by gaps     %d   (heat, illness, cow down; target 0)
                  calving alarms            %d   per cow-week %.3f   (none calves: all false)
                """,
                heat.episodes(), heat.detected(), heat.sensitivity(), heat.alarms(), heat.ppv(),
                heat.alarmsPer100CowDays(), heat.cowDays(),
                calving.calvings(), calving.alarmed(), calving.alarmedShare(), calving.falseAlarms(),
                calving.falseAlarmsPerCowWeek(), calving.cowWeeksBefore(),
                calvingWithoutRumination.alarmed(), calvingWithoutRumination.alarmedShare(), calvingWithoutRumination.falseAlarms(),
                calvingWithoutRumination.falseAlarmsPerCowWeek(),
                minute.cowDays(), minute.noMotionAlarms(), minute.gaps(), minute.gapsOverThreshold(),
                minute.offlineAlarms(), minute.offlineAlarmsInLongGaps(), minute.alarmsCausedByGaps(),
                minute.calvingAlarms(), minute.calvingAlarmsPerCowWeek());
    }
}
