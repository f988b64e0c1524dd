package io.herdgate.gateway.store;

import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.series.CowId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A cow as the herd book has her.
 *
 * @param id           the farm's name for her
 * @param group        management group, if assigned
 * @param lastCalving  date of her last calving (farm-local date)
 * @param lastBreeding date of her last insemination or service (farm-local date)
 */
public record CowRecord(CowId id, Optional<GroupName> group, Optional<LocalDate> lastCalving,
                        Optional<LocalDate> lastBreeding) {

    public CowRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(lastCalving, "lastCalving");
        Objects.requireNonNull(lastBreeding, "lastBreeding");
    }

    public static CowRecord of(CowId id, Optional<GroupName> group, Optional<LocalDate> lastCalving,
                               Optional<LocalDate> lastBreeding) {
        return new CowRecord(id, group, lastCalving, lastBreeding);
    }

    /** A cow with nothing known but her name. */
    public static CowRecord of(CowId id) {
        return new CowRecord(id, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
