package io.herdgate.gateway.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.rules.alarm.Explanation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmFactsTest {

    @ParameterizedTest(name = "{0} {1} over baseline {2}: activity_pct {3}")
    @CsvSource(nullValues = "none", value = {
            "activity_10h, 2.6, 1.0, 260",
            "activity_10h, 212.4, 100, 212",
            "activity_2h, 0.5, 1.0, 50",
            "activity_10h, 3.0, 0, none",
            "activity_10h, 3.0, none, none",
            "still_min, 400, none, none",
            "rumination_24h, 300, 500, none"})
    void facts_activityAlarm_givesItsRiseOverTheBaselineAsAPercentage(String measure, double value, Double baseline,
                                                                      String pct) {
        Explanation e = Explanation.of(measure, value, baseline == null ? OptionalDouble.empty() : OptionalDouble.of(baseline),
                1.8, Duration.ofHours(3), Map.of());

        assertEquals(Optional.ofNullable(pct), Optional.ofNullable(AlarmDesk.facts(e).get("activity_pct")));
    }
}
