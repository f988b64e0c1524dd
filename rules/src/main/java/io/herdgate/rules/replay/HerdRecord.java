package io.herdgate.rules.replay;

import io.herdgate.rules.config.GroupName;
import io.herdgate.rules.series.CowId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the herd data says about one cow.
 *
 * @param cow      the cow
 * @param group    her management group, if given
 * @param calving  last or expected calving date (farm calendar), if known
 * @param breeding last insemination date, if known (read and checked; the detectors do not use it yet)
 */
public record HerdRecord(CowId cow, Optional<GroupName> group, Optional<LocalDate> calving,
                         Optional<LocalDate> breeding) {

    public static HerdRecord of(CowId cow, Optional<GroupName> group, Optional<LocalDate> calving,
                                Optional<LocalDate> breeding) {
        return new HerdRecord(cow, group, calving, breeding);
    }
}
