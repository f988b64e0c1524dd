package io.herdgate.rules.params;

import static io.herdgate.rules.params.ParameterCatalog.BASELINE_DAYS;
import static io.herdgate.rules.params.ParameterCatalog.BASELINE_MIN_COVERAGE_PCT;
import static io.herdgate.rules.params.ParameterCatalog.BASELINE_MIN_DAYS;
import static io.herdgate.rules.params.ParameterCatalog.BASELINE_PRIOR_DAYS;

/**
 * How a cow's baseline is formed; see {@link ParameterCatalog} for units and ranges.
 *
 * @param days           {@code baseline.days}
 * @param minCoveragePct {@code baseline.min_coverage_pct}
 * @param priorDays      {@code baseline.prior_days}
 * @param minDays        {@code baseline.min_days}
 */
public record BaselineParams(int days, double minCoveragePct, double priorDays, int minDays) {

    public BaselineParams {
        BASELINE_DAYS.checkInt(days);
        BASELINE_MIN_COVERAGE_PCT.check(minCoveragePct);
        BASELINE_PRIOR_DAYS.check(priorDays);
        BASELINE_MIN_DAYS.checkInt(minDays);
        if (minDays > days) {
            throw new InvalidParameterException(BASELINE_MIN_DAYS.key(), Integer.toString(minDays),
                    "at most baseline.days (" + days + ")");
        }
    }

    public static BaselineParams of(int days, double minCoveragePct, double priorDays, int minDays) {
        return new BaselineParams(days, minCoveragePct, priorDays, minDays);
    }

    public static BaselineParams defaults() {
        return of((int) BASELINE_DAYS.defaultValue(), BASELINE_MIN_COVERAGE_PCT.defaultValue(),
                BASELINE_PRIOR_DAYS.defaultValue(), (int) BASELINE_MIN_DAYS.defaultValue());
    }
}
