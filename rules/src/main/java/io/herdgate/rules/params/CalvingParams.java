package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.CALVING_BOUT_SHORTENING_PCT;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_CLEAR_H;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_ENABLED;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_MIN_DURATION_MIN;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_REFRACTORY_D;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_RELABEL_AFTER_H;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_RELABEL_BEFORE_H;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_RESTLESS_RISE_PCT;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_RESTLESS_WINDOW_H;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_RUMINATION_DROP_PCT;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_SCORE;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_SEVERITY;
import static io.herdgate.rules.params.ParameterCatalog.CALVING_WINDOW_H;

import io.herdgate.rules.alarm.Severity;
import java.util.Objects;

/** Calving detector parameters; see {@link ParameterCatalog} ({@code calving.*}). */
public record CalvingParams(boolean enabled, Severity severity, int windowHours, double score,
                            double ruminationDropPct, double boutShorteningPct, int restlessWindowHours,
                            double restlessRisePct, double minDurationMin,
                            double clearHours, double refractoryDays, double relabelBeforeHours,
                            double relabelAfterHours) {

    public CalvingParams {
        Objects.requireNonNull(severity, "severity");
        CALVING_WINDOW_H.checkInt(windowHours);
        CALVING_SCORE.check(score);
        CALVING_RUMINATION_DROP_PCT.check(ruminationDropPct);
        CALVING_BOUT_SHORTENING_PCT.check(boutShorteningPct);
        CALVING_RESTLESS_WINDOW_H.checkInt(restlessWindowHours);
        CALVING_RESTLESS_RISE_PCT.check(restlessRisePct);
        CALVING_MIN_DURATION_MIN.check(minDurationMin);
        CALVING_CLEAR_H.check(clearHours);
        CALVING_REFRACTORY_D.check(refractoryDays);
        CALVING_RELABEL_BEFORE_H.check(relabelBeforeHours);
        CALVING_RELABEL_AFTER_H.check(relabelAfterHours);
    }

    public static CalvingParams of(boolean enabled, Severity severity, int windowHours, double score,
                                   double ruminationDropPct, double boutShorteningPct, int restlessWindowHours,
                                   double restlessRisePct, double minDurationMin,
                                   double clearHours, double refractoryDays, double relabelBeforeHours,
                                   double relabelAfterHours) {
        return new CalvingParams(enabled, severity, windowHours, score, ruminationDropPct, boutShorteningPct,
                restlessWindowHours, restlessRisePct, minDurationMin, clearHours, refractoryDays, relabelBeforeHours, relabelAfterHours);
    }

    public static CalvingParams defaults() {
        return of(CALVING_ENABLED.defaultValue(), CALVING_SEVERITY.defaultValue(), (int) CALVING_WINDOW_H.defaultValue(),
                CALVING_SCORE.defaultValue(), CALVING_RUMINATION_DROP_PCT.defaultValue(),
                CALVING_BOUT_SHORTENING_PCT.defaultValue(), (int) CALVING_RESTLESS_WINDOW_H.defaultValue(),
                CALVING_RESTLESS_RISE_PCT.defaultValue(), CALVING_MIN_DURATION_MIN.defaultValue(),
                CALVING_CLEAR_H.defaultValue(), CALVING_REFRACTORY_D.defaultValue(),
                CALVING_RELABEL_BEFORE_H.defaultValue(), CALVING_RELABEL_AFTER_H.defaultValue());
    }
}
