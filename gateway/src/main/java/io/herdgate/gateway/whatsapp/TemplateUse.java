package io.herdgate.gateway.whatsapp;

import io.herdgate.rules.alarm.AlarmType;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message template is for: one alarm type; one alarm type when the alarm is critical (sent without
 * an image header, so that nothing has to be drawn before it goes); the activity chart that follows a
 * critical alarm; or the daily herd summary.
 */
public sealed interface TemplateUse {

    /** Prefix of a critical alarm's use in the templates file, e.g. {@code critical_no_motion}. */
    String CRITICAL = "critical_";

    /**
     * The name in the templates file: an alarm type's JSON name, {@code critical_} and one,
     * {@code alarm_chart} or {@code daily_summary}.
     */
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

    /** A critical alarm of {@code type}: the words and buttons at once; its chart follows as {@link AlarmChart}. */
    record CriticalAlarm(AlarmType type) implements TemplateUse {
        public CriticalAlarm {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String jsonName() {
            return CRITICAL + type.jsonName();
        }
    }

    /** The activity chart of an alarm already sent as {@link CriticalAlarm}. */
    record AlarmChart() implements TemplateUse {
        @Override
        public String jsonName() {
            return "alarm_chart";
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

    static TemplateUse criticalAlarm(AlarmType type) {
        return new CriticalAlarm(type);
    }

    static TemplateUse alarmChart() {
        return new AlarmChart();
    }

    static TemplateUse dailySummary() {
        return new DailySummary();
    }

    /** The use named {@code name}, or empty. */
    static Optional<TemplateUse> parse(String name) {
        if (name.equals("daily_summary")) {
            return Optional.of(dailySummary());
        }
        if (name.equals("alarm_chart")) {
            return Optional.of(alarmChart());
        }
        if (name.startsWith(CRITICAL)) {
            return AlarmType.fromJsonName(name.substring(CRITICAL.length())).map(TemplateUse::criticalAlarm);
        }
        return AlarmType.fromJsonName(name).map(TemplateUse::alarm);
    }
}
