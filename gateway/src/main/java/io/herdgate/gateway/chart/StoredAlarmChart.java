package io.herdgate.gateway.chart;

import io.herdgate.gateway.store.AlarmId;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.FeatureHistory;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.params.BaselineParams;
import io.herdgate.rules.params.Rules;
import io.herdgate.rules.series.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Activity charts from the gateway store: the alarm from {@link AlarmLog}, the activity from
 * {@link FeatureHistory}, the baseline rule from the cow's {@link Rules}: the {@link ChartSource} of the
 * WhatsApp channel and the local API. Thread-safe.
 *
 * <p>The time axis spans {@link ChartSettings#span()} and ends on a farm-local hour boundary. The shaded
 * window runs from when the condition began (raised-at minus the explanation's duration) to the
 * clearing, or to the axis end while the alarm is active.
 */
public final class StoredAlarmChart implements ChartSource {

    private final AlarmLog alarms;
    private final FeatureHistory history;
    private final Rules rules;
    private final ChartSettings settings;
    private final Clock clock;
    private final ActivityChart chart;

    private StoredAlarmChart(AlarmLog alarms, FeatureHistory history, Rules rules, ChartSettings settings, Clock clock) {
        this.alarms = alarms;
        this.history = history;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        this.chart = new ActivityChart(settings);
    }

    public static StoredAlarmChart of(AlarmLog alarms, FeatureHistory history, Rules rules, ChartSettings settings,
                                      Clock clock) {
        return new StoredAlarmChart(Objects.requireNonNull(alarms, "alarms"), Objects.requireNonNull(history, "history"),
                Objects.requireNonNull(rules, "rules"), Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The chart of stored alarm {@code id}, the axis ending now; for an alarm cleared more than a quarter
     * span ago, a quarter span after the clearing, so an old alarm still shows its window.
     *
     * @return the PNG, or empty when no such alarm is stored
     */
    @Override
    public Optional<Png> chart(AlarmId id) {
        return alarms.find(id).map(s -> chart.png(data(s.alarm())));
    }

    ChartData data(Alarm a) {
        Instant end = clock.instant();
        if (a.clearedAt().isPresent()) {
            Instant after = a.clearedAt().get().plus(settings.span().dividedBy(4));
            end = after.isBefore(end) ? after : end;
        }
        if (end.isBefore(a.raisedAt())) {
            end = a.raisedAt();
        }
        Instant to = ceilHour(end);
        Instant from = to.minus(settings.span());
        BaselineParams p = rules.forCow(a.cow()).baseline();
        List<Observation> obs = history.read(a.cow(), from.minus(HourlyActivity.lookBack(p)), to);
        Instant start = clamp(a.raisedAt().minus(a.explanation().duration()), from, to);
        ChartData.Marked marked = new ChartData.Marked(a.type(), a.raisedAt(), start,
                clamp(a.clearedAt().orElse(to), start, to));
        return new ChartData(a.cow(), marked, from, to, p.days(), HourlyActivity.of(obs, from, to, p));
    }

    /** The next farm-local clock-hour boundary at or after {@code t}. */
    private Instant ceilHour(Instant t) {
        Instant floor = t.atZone(settings.zone()).truncatedTo(ChronoUnit.HOURS).toInstant();
        return floor.equals(t) ? t : floor.plus(Duration.ofHours(1));
    }

    private static Instant clamp(Instant t, Instant lo, Instant hi) {
        return t.isBefore(lo) ? lo : t.isAfter(hi) ? hi : t;
    }
}
