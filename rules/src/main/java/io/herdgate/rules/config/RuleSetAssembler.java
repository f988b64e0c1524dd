package io.herdgate.rules.config;

import static io.herdgate.rules.params.ParameterCatalog.*;

import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.params.BatteryParams;
import io.herdgate.rules.params.CalvingParams;
import io.herdgate.rules.params.CollarOffParams;
import io.herdgate.rules.params.HeatParams;
import io.herdgate.rules.params.IllnessParams;
import io.herdgate.rules.params.InvalidParameterException;
import io.herdgate.rules.params.NoMotionParams;
import io.herdgate.rules.params.OfflineParams;
import io.herdgate.rules.params.Parameter;
import io.herdgate.rules.params.RuleSet;
import java.util.List;
import java.util.Optional;

/**
 * Builds the engine's {@link RuleSet} from a chain of {@link Overrides} (most specific first), taking
 * each parameter from the first level that sets it and the catalog default otherwise. Only the wiring
 * of catalog entries to record components lives here; keys, ranges and defaults come from the catalog.
 */
final class RuleSetAssembler {

    private final List<Overrides> chain;

    private RuleSetAssembler(List<Overrides> chain) {
        this.chain = chain;
    }

    /**
     * @param chain most specific level first (cow, group, herd)
     * @throws InvalidParameterException when a combination is not allowed (e.g. a clear level above the
     *                                   raise level), naming the key
     */
    static RuleSet assemble(List<Overrides> chain) {
        RuleSetAssembler a = new RuleSetAssembler(chain);
        return RuleSet.of(
                BaselineParams.of(a.i(BASELINE_DAYS), a.d(BASELINE_MIN_COVERAGE_PCT), a.d(BASELINE_PRIOR_DAYS),
                        a.i(BASELINE_MIN_DAYS)),
                HeatParams.of(a.b(HEAT_ENABLED), a.s(HEAT_SEVERITY), a.i(HEAT_WINDOW_H), a.d(HEAT_RISE_PCT),
                        a.d(HEAT_WARMUP_PCT), a.d(HEAT_CLEAR_PCT), a.d(HEAT_MIN_DURATION_MIN), a.d(HEAT_REFRACTORY_H),
                        a.d(HEAT_CYCLE_D)),
                IllnessParams.of(a.b(ILLNESS_ENABLED), a.s(ILLNESS_SEVERITY), a.i(ILLNESS_WINDOW_H),
                        a.d(ILLNESS_DROP_PCT), a.d(ILLNESS_CLEAR_PCT), a.d(ILLNESS_MIN_DURATION_H),
                        a.d(ILLNESS_REFRACTORY_H)),
                CalvingParams.of(a.b(CALVING_ENABLED), a.s(CALVING_SEVERITY), a.i(CALVING_WINDOW_H),
                        a.d(CALVING_SCORE), a.d(CALVING_RUMINATION_DROP_PCT), a.d(CALVING_BOUT_SHORTENING_PCT),
                        a.i(CALVING_RESTLESS_WINDOW_H), a.d(CALVING_RESTLESS_RISE_PCT), a.d(CALVING_MIN_DURATION_MIN),
                        a.d(CALVING_CLEAR_H),
                        a.d(CALVING_REFRACTORY_D), a.d(CALVING_RELABEL_BEFORE_H), a.d(CALVING_RELABEL_AFTER_H)),
                NoMotionParams.of(a.b(NO_MOTION_ENABLED), a.s(NO_MOTION_SEVERITY), a.d(NO_MOTION_STILL_LEVEL),
                        a.d(NO_MOTION_MIN_DURATION_MIN), a.d(NO_MOTION_REFRACTORY_MIN)),
                CollarOffParams.of(a.b(COLLAR_OFF_ENABLED), a.s(COLLAR_OFF_SEVERITY), a.d(COLLAR_OFF_MAX_VAR_G2),
                        a.d(COLLAR_OFF_MAX_PITCH_CHANGE_DEG), a.d(COLLAR_OFF_MIN_DURATION_MIN),
                        a.d(COLLAR_OFF_REFRACTORY_MIN)),
                OfflineParams.of(a.b(OFFLINE_ENABLED), a.s(OFFLINE_SEVERITY), a.d(OFFLINE_AFTER_MIN)),
                BatteryParams.of(a.b(BATTERY_ENABLED), a.s(BATTERY_SEVERITY), a.d(BATTERY_LOW_MV),
                        a.d(BATTERY_CLEAR_MV), a.i(BATTERY_MIN_READINGS)));
    }

    private Optional<Setting> find(Parameter p) {
        for (Overrides level : chain) {
            Optional<Setting> s = level.get(p);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    private double d(Parameter.Number p) {
        return find(p).map(s -> ((Setting.Num) s).value()).orElse(p.defaultValue());
    }

    private int i(Parameter.Number p) {
        return (int) d(p);
    }

    private boolean b(Parameter.Flag p) {
        return find(p).map(s -> ((Setting.Toggle) s).value()).orElse(p.defaultValue());
    }

    private Severity s(Parameter.SeverityChoice p) {
        return find(p).map(s -> ((Setting.Choice) s).value()).orElse(p.defaultValue());
    }
}
