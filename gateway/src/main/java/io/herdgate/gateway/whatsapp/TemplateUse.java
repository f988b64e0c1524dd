package io.herdgate.gateway.whatsapp;

import io.herdgate.rules.alarm.AlarmType;
import java.util.Objects;
import java.util.Optional;

/** What a message template is for: one alarm type, or the daily herd summary. */
public sealed interface TemplateUse {

    /** The name in the templates file: an alarm type's JSON name or {@code daily_summary}. */
    String jsonName();

    record Alarm(AlarmType type) implements TemplateUse {
        public Alarm {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String jsonName() {
            return type.jsonName();
        }
    }

    record DailySummary() implements TemplateUse {
        @Override
        public String jsonName() {
            return "daily_summary";
        }
    }

    static TemplateUse alarm(AlarmType type) {
        return new Alarm(type);
    }

    static TemplateUse dailySummary() {
        return new DailySummary();
    }

    /** The use named {@code name}, or empty. */
    static Optional<TemplateUse> parse(String name) {
        if (name.equals("daily_summary")) {
            return Optional.of(dailySummary());
        }
        return AlarmType.fromJsonName(name).map(TemplateUse::alarm);
    }
}
