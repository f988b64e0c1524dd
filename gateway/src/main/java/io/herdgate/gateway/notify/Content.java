package io.herdgate.gateway.notify;

import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a notification says, independent of channel; each channel renders it in the recipient's
 * language (WhatsApp through an approved template, SMS as short text).
 */
public sealed interface Content {

    /**
     * One alarm, or several of one type raised within the grouping window (then {@code cows} lists them
     * all and {@code alarm} is the first).
     *
     * @param alarm    the alarm the reply buttons act on
     * @param type     what was detected
     * @param severity how urgent
     * @param cows     the cows concerned, at least one, in the order raised
     * @param raisedAt event time the (first) alarm was raised
     * @param step     0 for the first message, then one more for each repeat or escalation
     * @param facts    named values for the message text (e.g. {@code activity_pct} → {@code 212}); may be empty
     */
    record AlarmMessage(AlarmId alarm, AlarmType type, Severity severity, List<CowId> cows, Instant raisedAt,
                        int step, Map<String, String> facts) implements Content {

        public AlarmMessage {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(raisedAt, "raisedAt");
            cows = List.copyOf(cows);
            facts = Map.copyOf(facts);
            if (cows.isEmpty()) {
                throw new IllegalArgumentException("an alarm message names at least one cow");
            }
        }
    }

    /**
     * The daily herd summary.
     *
     * @param day             the farm's local date it covers
     * @param inHeat          cows in heat today
     * @param toWatch         cows with an active illness, calving or no-motion alarm
     * @param heatsExpected   cows whose next heat is expected in the coming days, with the date
     * @param collarsToCheck  cows whose collar needs attention (battery, offline, collar off)
     */
    record DailySummary(LocalDate day, List<CowId> inHeat, List<CowId> toWatch, Map<CowId, LocalDate> heatsExpected,
                        List<CowId> collarsToCheck) implements Content {

        public DailySummary {
            Objects.requireNonNull(day, "day");
            inHeat = List.copyOf(inHeat);
            toWatch = List.copyOf(toWatch);
            heatsExpected = Map.copyOf(heatsExpected);
            collarsToCheck = List.copyOf(collarsToCheck);
        }
    }
}
