package io.herdgate.rules.replay;

import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.detect.CalvingCalendar;
import io.herdgate.rules.series.CowId;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The herd data: group and dates per cow. Cows not listed have no group and no known dates. */
public record Herd(Map<CowId, HerdRecord> cows) {

    private static final Herd EMPTY = new Herd(Map.of());

    public Herd {
        cows = Map.copyOf(cows);
    }

    public static Herd of(Map<CowId, HerdRecord> cows) {
        return new Herd(cows);
    }

    public static Herd empty() {
        return EMPTY;
    }

    public Optional<GroupName> groupOf(CowId cow) {
        return Optional.ofNullable(cows.get(cow)).flatMap(HerdRecord::group);
    }

    /** Calving dates as the engine's calendar: each date at the start of that day in the farm's zone. */
    public CalvingCalendar calendar(ZoneId zone) {
        return cow -> Optional.ofNullable(cows.get(cow)).flatMap(HerdRecord::calving)
                .map(d -> List.of(d.atStartOfDay(zone).toInstant())).orElse(List.of());
    }
}
