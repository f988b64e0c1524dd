package io.herdgate.rules.params;

import static io.herdgate.rules.alarm.Severity.CRITICAL;
import static io.herdgate.rules.alarm.Severity.INFO;
import static io.herdgate.rules.alarm.Severity.WARNING;

import io.herdgate.rules.params.Parameter.Flag;
import io.herdgate.rules.params.Parameter.Number;
import io.herdgate.rules.params.Parameter.SeverityChoice;
import java.util.List;
import java.util.Optional;

/**
 * Every detector parameter: YAML key, unit, allowed values, default and meaning. The parameter records
 * ({@link HeatParams} ...) validate against these entries and take their defaults from them, so this
 * list is the single source of truth for configuration and documentation.
 */
public final class ParameterCatalog {

    private ParameterCatalog() {
    }

    // --- baseline ---------------------------------------------------------------------------------
    public static final Number BASELINE_DAYS = Number.of("baseline.days", "d", 3, 14, 7, true,
            "Days of the cow's own history whose same clock hours form her baseline (each hour pooled over the minutes with data).");
    public static final Number BASELINE_MIN_COVERAGE_PCT = Number.of("baseline.min_coverage_pct", "%", 10, 100, 75, false,
            "Least share of a window's time that must have data for the window to be judged (and for a day to enter the calving usual day).");
    public static final Number BASELINE_PRIOR_DAYS = Number.of("baseline.prior_days", "d", 0, 28, 2, false,
            "Weight of the herd prior in days of own history: with d own days the own baseline weighs d/(d+prior_days); 0: no prior, heat waits for min_days of own history.");
    public static final Number BASELINE_MIN_DAYS = Number.of("baseline.min_days", "d", 1, 14, 3, true,
            "Days of own history (minutes with data of the window's clock hours on earlier days, in window lengths) before illness is judged, and heat for a cow that joined a running herd or wherever there is no herd prior at that clock hour (a small herd's first days, or prior_days 0): the warm-up.");

    // --- heat -------------------------------------------------------------------------------------
    public static final Flag HEAT_ENABLED = Flag.of("heat.enabled", true, "Raise heat alarms.");
    public static final SeverityChoice HEAT_SEVERITY = SeverityChoice.of("heat.severity", WARNING,
            "Severity of heat alarms (insemination is due within hours).");
    public static final Number HEAT_WINDOW_H = Number.of("heat.window_h", "h", 2, 24, 8, true,
            "Length of the rolling activity sum compared with the baseline; about the length of standing heat.");
    public static final Number HEAT_RISE_PCT = Number.of("heat.rise_pct", "%", 10, 500, 70, false,
            "Rise of the rolling sum over the baseline at which a heat is raised.");
    public static final Number HEAT_WARMUP_PCT = Number.of("heat.warmup_pct", "%", 0, 300, 15, false,
            "Extra rise demanded of a cow whose own baseline rests on few days: rise_pct + warmup_pct x (1 - own days / baseline.days), so the full extra with no history, none from baseline.days on.");
    public static final Number HEAT_CLEAR_PCT = Number.of("heat.clear_pct", "%", 0, 500, 35, false,
            "Hysteresis: an active heat clears when the rise falls below this.");
    public static final Number HEAT_MIN_DURATION_MIN = Number.of("heat.min_duration_min", "min", 0, 1440, 0, false,
            "The rise must hold this long before the alarm is raised (0: the first window above raises).");
    public static final Number HEAT_REFRACTORY_H = Number.of("heat.refractory_h", "h", 0, 480, 24, false,
            "After a heat is raised, no new heat is raised for this long (the same heat flickering).");
    public static final Number HEAT_CYCLE_D = Number.of("heat.cycle_d", "d", 17, 25, 21, false,
            "Oestrous cycle length; the next heat is expected this long after the raised one.");

    // --- illness ----------------------------------------------------------------------------------
    public static final Flag ILLNESS_ENABLED = Flag.of("illness.enabled", true, "Raise illness alarms.");
    public static final SeverityChoice ILLNESS_SEVERITY = SeverityChoice.of("illness.severity", WARNING,
            "Severity of illness alarms.");
    public static final Number ILLNESS_WINDOW_H = Number.of("illness.window_h", "h", 12, 72, 24, true,
            "Length of the rolling activity and rumination sums compared with the baseline.");
    public static final Number ILLNESS_DROP_PCT = Number.of("illness.drop_pct", "%", 5, 95, 35, false,
            "Drop of activity (or of rumination) under the baseline at which illness is suspected.");
    public static final Number ILLNESS_CLEAR_PCT = Number.of("illness.clear_pct", "%", 0, 95, 20, false,
            "Hysteresis: an active illness alarm clears when the drop is less than this.");
    public static final Number ILLNESS_MIN_DURATION_H = Number.of("illness.min_duration_h", "h", 0, 72, 12, false,
            "The drop must hold this long before the alarm is raised.");
    public static final Number ILLNESS_REFRACTORY_H = Number.of("illness.refractory_h", "h", 0, 480, 24, false,
            "After an illness alarm clears, none is raised again for this long.");

    // --- calving ----------------------------------------------------------------------------------
    public static final Flag CALVING_ENABLED = Flag.of("calving.enabled", true, "Raise calving alarms.");
    public static final SeverityChoice CALVING_SEVERITY = SeverityChoice.of("calving.severity", WARNING,
            "Severity of calving alarms.");
    public static final Number CALVING_WINDOW_H = Number.of("calving.window_h", "h", 2, 24, 4, true,
            "Recent window whose rumination and lying time per bout are compared with the cow's usual day.");
    public static final Number CALVING_SCORE = Number.of("calving.score", "", 0.5, 10, 1, false,
            "Combined evidence (sum of the measures' evidence divided by the square root of their number) that signals calving.");
    public static final Number CALVING_RUMINATION_DROP_PCT = Number.of("calving.rumination_drop_pct", "%", 5, 95, 30, false,
            "Drop of the window's rumination under the cow's usual rate that counts as one unit of evidence.");
    public static final Number CALVING_BOUT_SHORTENING_PCT = Number.of("calving.bout_shortening_pct", "%", 5, 95, 30, false,
            "Shortening of the window's lying time per bout under the cow's usual that counts as one unit of evidence.");
    public static final Number CALVING_RESTLESS_WINDOW_H = Number.of("calving.restless_window_h", "h", 4, 24, 16, true,
            "Recent window whose lying bouts (each a lying down after standing up) are compared with the cow's usual day.");
    public static final Number CALVING_RESTLESS_RISE_PCT = Number.of("calving.restless_rise_pct", "%", 10, 1000, 300, false,
            "Rise of the lying bouts per hour in the restless window over the cow's usual day that counts as one unit of evidence.");
    public static final Number CALVING_MIN_DURATION_MIN = Number.of("calving.min_duration_min", "min", 0, 1440, 180, false,
            "The score must hold this long before the alarm is raised.");
    public static final Number CALVING_CLEAR_H = Number.of("calving.clear_h", "h", 1, 168, 24, false,
            "Hysteresis: a calving alarm clears this long after the pattern was last seen.");
    public static final Number CALVING_REFRACTORY_D = Number.of("calving.refractory_d", "d", 0, 300, 30, false,
            "After a calving alarm, none is raised again for this long.");
    public static final Number CALVING_RELABEL_BEFORE_H = Number.of("calving.relabel_before_h", "h", 0, 168, 24, false,
            "A heat raised this long or less before a known calving date is relabelled calving.");
    public static final Number CALVING_RELABEL_AFTER_H = Number.of("calving.relabel_after_h", "h", 0, 336, 96, false,
            "A heat raised this long or less after a known calving is relabelled calving (calving restlessness).");

    // --- no motion --------------------------------------------------------------------------------
    public static final Flag NO_MOTION_ENABLED = Flag.of("no_motion.enabled", true, "Raise cow-down alarms.");
    public static final SeverityChoice NO_MOTION_SEVERITY = SeverityChoice.of("no_motion.severity", CRITICAL,
            "Severity of cow-down alarms.");
    public static final Number NO_MOTION_STILL_LEVEL = Number.of("no_motion.still_level", "", 0, 1e9, 0, false,
            "An interval is still when its movement counts (motion index, steps; those present) are at most this; activity only where neither is measured.");
    public static final Number NO_MOTION_MIN_DURATION_MIN = Number.of("no_motion.min_duration_min", "min", 30, 2880, 360, false,
            "Stillness longer than this raises; healthy cows lie still up to about 4.7 h, so 6 h.");
    public static final Number NO_MOTION_REFRACTORY_MIN = Number.of("no_motion.refractory_min", "min", 0, 1440, 0, false,
            "After a cow-down alarm clears, none is raised again for this long.");

    // --- collar off -------------------------------------------------------------------------------
    public static final Flag COLLAR_OFF_ENABLED = Flag.of("collar_off.enabled", true, "Raise collar-off alarms.");
    public static final SeverityChoice COLLAR_OFF_SEVERITY = SeverityChoice.of("collar_off.severity", WARNING,
            "Severity of collar-off alarms.");
    public static final Number COLLAR_OFF_MAX_VAR_G2 = Number.of("collar_off.max_var_g2", "g²", 0, 0.01, 1e-5, false,
            "An interval is static when the variance of |a| is at most this (sensor noise only; breathing and "
                    + "rumination on a worn collar exceed it).");
    public static final Number COLLAR_OFF_MAX_PITCH_CHANGE_DEG = Number.of("collar_off.max_pitch_change_deg", "°", 0, 90, 2, false,
            "A static run ends when the pitch moves more than this from where the run began.");
    public static final Number COLLAR_OFF_MIN_DURATION_MIN = Number.of("collar_off.min_duration_min", "min", 10, 1440, 60, false,
            "Static longer than this raises.");
    public static final Number COLLAR_OFF_REFRACTORY_MIN = Number.of("collar_off.refractory_min", "min", 0, 1440, 0, false,
            "After a collar-off alarm clears, none is raised again for this long.");

    // --- offline ----------------------------------------------------------------------------------
    public static final Flag OFFLINE_ENABLED = Flag.of("offline.enabled", true, "Raise offline alarms.");
    public static final SeverityChoice OFFLINE_SEVERITY = SeverityChoice.of("offline.severity", WARNING,
            "Severity of offline alarms.");
    public static final Number OFFLINE_AFTER_MIN = Number.of("offline.after_min", "min", 5, 10080, 60, false,
            "No data for longer than this raises (radio outages of real collars last up to about 1.5 h).");

    // --- battery ----------------------------------------------------------------------------------
    public static final Flag BATTERY_ENABLED = Flag.of("battery.enabled", true, "Raise low-battery alarms.");
    public static final SeverityChoice BATTERY_SEVERITY = SeverityChoice.of("battery.severity", INFO,
            "Severity of low-battery alarms.");
    public static final Number BATTERY_LOW_MV = Number.of("battery.low_mv", "mV", 2000, 5000, 3400, false,
            "Battery voltage at or under which the battery is low.");
    public static final Number BATTERY_CLEAR_MV = Number.of("battery.clear_mv", "mV", 0, 1000, 150, false,
            "Hysteresis: the alarm clears when the voltage is this much above low_mv (a new battery).");
    public static final Number BATTERY_MIN_READINGS = Number.of("battery.min_readings", "", 1, 100, 3, true,
            "Consecutive low readings needed, so a cold night or a radio burst does not raise.");

    private static final List<Parameter> ALL = List.of(
            BASELINE_DAYS, BASELINE_MIN_COVERAGE_PCT, BASELINE_PRIOR_DAYS, BASELINE_MIN_DAYS,
            HEAT_ENABLED, HEAT_SEVERITY, HEAT_WINDOW_H, HEAT_RISE_PCT, HEAT_WARMUP_PCT, HEAT_CLEAR_PCT,
            HEAT_MIN_DURATION_MIN, HEAT_REFRACTORY_H, HEAT_CYCLE_D,
            ILLNESS_ENABLED, ILLNESS_SEVERITY, ILLNESS_WINDOW_H, ILLNESS_DROP_PCT, ILLNESS_CLEAR_PCT,
            ILLNESS_MIN_DURATION_H, ILLNESS_REFRACTORY_H,
            CALVING_ENABLED, CALVING_SEVERITY, CALVING_WINDOW_H, CALVING_SCORE, CALVING_RUMINATION_DROP_PCT,
            CALVING_BOUT_SHORTENING_PCT, CALVING_RESTLESS_WINDOW_H, CALVING_RESTLESS_RISE_PCT,
            CALVING_MIN_DURATION_MIN, CALVING_CLEAR_H, CALVING_REFRACTORY_D, CALVING_RELABEL_BEFORE_H,
            CALVING_RELABEL_AFTER_H,
            NO_MOTION_ENABLED, NO_MOTION_SEVERITY, NO_MOTION_STILL_LEVEL, NO_MOTION_MIN_DURATION_MIN,
            NO_MOTION_REFRACTORY_MIN,
            COLLAR_OFF_ENABLED, COLLAR_OFF_SEVERITY, COLLAR_OFF_MAX_VAR_G2, COLLAR_OFF_MAX_PITCH_CHANGE_DEG,
            COLLAR_OFF_MIN_DURATION_MIN, COLLAR_OFF_REFRACTORY_MIN,
            OFFLINE_ENABLED, OFFLINE_SEVERITY, OFFLINE_AFTER_MIN,
            BATTERY_ENABLED, BATTERY_SEVERITY, BATTERY_LOW_MV, BATTERY_CLEAR_MV, BATTERY_MIN_READINGS);

    /** Every parameter, grouped by detector, in documentation order. */
    public static List<Parameter> all() {
        return ALL;
    }

    /** The parameter with this YAML key. */
    public static Optional<Parameter> byKey(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
