package io.herdgate.gateway.outbox;

import io.herdgate.gateway.notify.ContactId;
import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.notify.Notification;
import io.herdgate.gateway.notify.NotificationKey;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Priority;
import io.herdgate.gateway.notify.Recipient;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Alarm notifications for outbox tests. */
final class Notifications {

    static final Instant RAISED = Instant.parse("2026-05-01T03:12:00Z");

    private Notifications() {
    }

    static Recipient anna() {
        return Recipient.of(ContactId.of("anna"), "Anna", PhoneNumber.of("+4915112345678"), Locale.GERMAN);
    }

    static Recipient bob() {
        return Recipient.of(ContactId.of("bob"), "Bob", PhoneNumber.of("+4915187654321"), Locale.ENGLISH);
    }

    static Notification alarm(long alarmId, Recipient to, int step, Priority p) {
        Severity sev = p == Priority.CRITICAL ? Severity.CRITICAL : Severity.WARNING;
        AlarmType type = p == Priority.CRITICAL ? AlarmType.NO_MOTION : AlarmType.HEAT;
        return Notification.of(NotificationKey.forAlarm(AlarmId.of(alarmId), to.contact(), step), to, p,
                new Content.AlarmMessage(AlarmId.of(alarmId), type, sev, List.of(CowId.of("cow-" + alarmId)), RAISED, step,
                        Map.of("activity_pct", "212")));
    }
}
