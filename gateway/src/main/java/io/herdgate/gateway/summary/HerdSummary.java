package io.herdgate.gateway.summary;

import io.herdgate.gateway.notify.Content.DailySummary;
import io.herdgate.gateway.store.AlarmLog;
import io.herdgate.gateway.store.StoredAlarm;
import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.series.CowId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the daily summary says, from the stored alarms at a given instant:
 * <ul>
 *   <li>in heat: cows with a heat alarm that is active or was raised in the last 24 hours;</li>
 *   <li>to watch: cows with an active illness, calving or cow-down alarm;</li>
 *   <li>heats expected: for each cow not in heat, the next expected heat of her latest heat alarm (raised
 *       within the last {@value #HEAT_MEMORY_DAYS} days) when it falls on one of the {@code lookaheadDays}
 *       days after the summary's day;</li>
 *   <li>collars to check: cows with an active low-battery, offline or collar-off alarm.</li>
 * </ul>
 * Each list names a cow once, in id order.
 */
public final class HerdSummary {

    /** Longer than any cycle the rules allow, so the latest heat of every cycling cow is seen. */
    static final int HEAT_MEMORY_DAYS = 35;
    private static final Set<AlarmType> WATCH = Set.of(AlarmType.ILLNESS, AlarmType.CALVING, AlarmType.NO_MOTION);
    private static final Set<AlarmType> COLLAR = Set.of(AlarmType.BATTERY, AlarmType.OFFLINE, AlarmType.COLLAR_OFF);

    private final AlarmLog alarms;
    private final int lookaheadDays;

    private HerdSummary(AlarmLog alarms, int lookaheadDays) {
        this.alarms = alarms;
        this.lookaheadDays = lookaheadDays;
    }

    public static HerdSummary of(AlarmLog alarms, SummarySettings settings) {
        return new HerdSummary(Objects.requireNonNull(alarms, "alarms"), settings.lookaheadDays());
    }

    /** The summary as of {@code now}, for the day {@code now} falls on in {@code zone}. */
    public DailySummary at(Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        List<Alarm> active = alarms.active().stream().map(StoredAlarm::alarm).filter(a -> !a.raisedAt().isAfter(now)).toList();
        List<Alarm> recent = alarms.raisedBetween(now.minus(Duration.ofDays(HEAT_MEMORY_DAYS)), now.plusMillis(1)).stream()
                .map(StoredAlarm::alarm).toList();

        Set<CowId> inHeat = new TreeSet<>();
        active.stream().filter(a -> a.type() == AlarmType.HEAT).forEach(a -> inHeat.add(a.cow()));
        recent.stream().filter(a -> a.type() == AlarmType.HEAT && a.raisedAt().isAfter(now.minus(Duration.ofDays(1))))
                .forEach(a -> inHeat.add(a.cow()));
        Set<CowId> watch = new TreeSet<>();
        Set<CowId> collars = new TreeSet<>();
        for (Alarm a : active) {
            if (WATCH.contains(a.type())) {
                watch.add(a.cow());
            } else if (COLLAR.contains(a.type())) {
                collars.add(a.cow());
            }
        }
        Map<CowId, Alarm> latestHeat = new HashMap<>();
        recent.stream().filter(a -> a.type() == AlarmType.HEAT).forEach(a -> latestHeat.put(a.cow(), a));
        Map<CowId, LocalDate> expected = new HashMap<>();
        latestHeat.forEach((cow, a) -> a.nextExpectedHeat().ifPresent(next -> {
            LocalDate date = next.atZone(zone).toLocalDate();
            if (!inHeat.contains(cow) && date.isAfter(day) && !date.isAfter(day.plusDays(lookaheadDays))) {
                expected.put(cow, date);
            }
        }));
        return new DailySummary(day, List.copyOf(inHeat), List.copyOf(watch), expected, List.copyOf(collars));
    }
}
