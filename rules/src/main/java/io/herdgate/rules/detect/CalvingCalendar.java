package io.herdgate.rules.detect;

import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.List;

/**
 * Known calving times per cow (past calvings and expected ones), from the herd records. Heat alarms
 * raised near one are relabelled calving (see {@code calving.relabel_before_h} and
 * {@code calving.relabel_after_h}).
 */
@FunctionalInterface
public interface CalvingCalendar {

    /** The cow's known calving times, any order; empty when none is known. */
    List<Instant> calvings(CowId cow);

    static CalvingCalendar none() {
        return cow -> List.of();
    }
}
