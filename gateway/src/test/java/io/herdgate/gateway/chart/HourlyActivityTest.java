package io.herdgate.gateway.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyActivityTest {

    private static final CowId COW = CowId.of("7019");
    private static final Instant FROM = Instant.parse("2026-05-10T00:00:00Z");
    private static final BaselineParams THREE_DAYS = BaselineParams.of(3, 75, 2, 1);

    private static Observation minute(Instant start, double activity) {
        return Observation.builder(COW, start, Duration.ofMinutes(1)).activity(activity).build();
    }

    /** Every minute from {@code from} for {@code hours} hours at {@code perMinute}. */
    private static List<Observation> steady(Instant from, int hours, double perMinute) {
        List<Observation> out = new ArrayList<>();
        for (int m = 0; m < hours * 60; m++) {
            out.add(minute(from.plusSeconds(60L * m), perMinute));
        }
        return out;
    }

    @Test
    void baseline_isTheMeanOfTheSameClockHourOnThePreviousDays() {
        List<Observation> history = new ArrayList<>();
        history.addAll(steady(FROM.minus(Duration.ofDays(3)), 24, 1));
        history.addAll(steady(FROM.minus(Duration.ofDays(2)), 24, 2));
        history.addAll(steady(FROM.minus(Duration.ofDays(1)), 24, 6));
        history.addAll(steady(FROM, 2, 10));

        List<ActivityHour> hours = HourlyActivity.of(history, FROM, FROM.plus(Duration.ofHours(2)), THREE_DAYS);

        assertEquals(2, hours.size());
        assertEquals(FROM, hours.get(0).start());
        assertEquals(600, hours.get(0).activity(), 1e-9);
        assertEquals(60 * (1 + 2 + 6) / 3.0, hours.get(0).baseline(), 1e-9);
    }

    @Test
    void daysWithTooLittleData_areLeftOutOfTheBaseline_andPoorlyCoveredHoursAreGaps() {
        List<Observation> history = new ArrayList<>();
        history.addAll(steady(FROM.minus(Duration.ofDays(2)), 1, 3));
        // Half an hour only: below the 75 % coverage.
        history.addAll(steady(FROM.minus(Duration.ofDays(1)), 1, 9).subList(0, 30));
        history.addAll(steady(FROM, 1, 5).subList(0, 20));

        ActivityHour h = HourlyActivity.of(history, FROM, FROM.plus(Duration.ofHours(1)), THREE_DAYS).get(0);

        assertTrue(Double.isNaN(h.activity()), "20 of 60 minutes is too little to judge the hour");
        assertEquals(180, h.baseline(), 1e-9);
    }

    @Test
    void noEarlierDay_meansNoBaseline() {
        ActivityHour h = HourlyActivity.of(steady(FROM, 1, 5), FROM, FROM.plus(Duration.ofHours(1)), THREE_DAYS).get(0);

        assertEquals(300, h.activity(), 1e-9);
        assertTrue(Double.isNaN(h.baseline()));
    }

    @Test
    void longObservations_areSpreadOverTheHoursTheyOverlap() {
        // One 2-h observation from 00:30 to 02:30 with 240 counts: 60 in hour 0, 120 in hour 1, 60 in hour 2.
        Observation twoHours = Observation.builder(COW, FROM.plus(Duration.ofMinutes(30)), Duration.ofHours(2))
                .activity(240).build();
        BaselineParams lenient = BaselineParams.of(3, 50, 2, 1);

        List<ActivityHour> hours = HourlyActivity.of(List.of(twoHours), FROM, FROM.plus(Duration.ofHours(3)), lenient);

        assertEquals(120, hours.get(0).activity(), 1e-9, "60 counts in 30 covered minutes is 120 per hour");
        assertEquals(120, hours.get(1).activity(), 1e-9);
        assertEquals(120, hours.get(2).activity(), 1e-9);
    }
}
