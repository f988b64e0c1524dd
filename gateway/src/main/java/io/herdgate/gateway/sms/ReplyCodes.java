package io.herdgate.gateway.sms;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.store.AlarmId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply codes a farmer may text back, in any case, with or without the alarm number:
 * {@code ACK 123} (also {@code OK 123}), {@code VET 123}, {@code SNOOZE 123 [minutes]} (default 30,
 * 5..720), {@code STOP}, {@code START}. Without a number, the last alarm sent to that phone is meant.
 * Anything else is no reply.
 */
final class ReplyCodes {

    static final Duration DEFAULT_SNOOZE = Duration.ofMinutes(30);
    private static final Pattern CODE = Pattern.compile(
            "(ACK|OK|VET|SNOOZE)(?:\\s+#?(\\d{1,18}))?(?:\\s+(\\d{1,4}))?\\s*[.!]?");

    private ReplyCodes() {
    }

    static Optional<Reply> parse(String text, PhoneNumber from, Instant at, Optional<AlarmId> lastAlarm) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("STOP") || t.equals("STOPP") || t.equals("UNSUBSCRIBE")) {
            return Optional.of(new Reply.OptOut(from, at));
        }
        if (t.equals("START")) {
            return Optional.of(new Reply.OptIn(from, at));
        }
        Matcher m = CODE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<AlarmId> alarm = m.group(2) == null ? lastAlarm : parseId(m.group(2));
        if (alarm.isEmpty()) {
            return Optional.empty();
        }
        return switch (m.group(1)) {
            case "ACK", "OK" -> m.group(3) == null ? Optional.of(new Reply.Acknowledge(from, at, alarm.get())) : Optional.empty();
            case "VET" -> m.group(3) == null ? Optional.of(new Reply.CallVet(from, at, alarm.get())) : Optional.empty();
            case "SNOOZE" -> snooze(m.group(3)).map(d -> new Reply.Snooze(from, at, alarm.get(), d));
            default -> Optional.empty();
        };
    }

    private static Optional<AlarmId> parseId(String digits) {
        long v = Long.parseLong(digits);
        return v >= 1 ? Optional.of(AlarmId.of(v)) : Optional.empty();
    }

    private static Optional<Duration> snooze(String minutes) {
        if (minutes == null) {
            return Optional.of(DEFAULT_SNOOZE);
        }
        int m = Integer.parseInt(minutes);
        return m >= 5 && m <= 720 ? Optional.of(Duration.ofMinutes(m)) : Optional.empty();
    }
}
