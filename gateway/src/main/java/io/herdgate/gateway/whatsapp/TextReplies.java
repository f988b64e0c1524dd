package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.store.AlarmId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a farmer's text means: {@code STOP} opts out, {@code START} opts in; an ack code
 * {@code OK 42} / {@code ACK 42}, {@code SNOOZE 42} or {@code VET 42} acts on alarm 42 (the number is
 * in every alarm's buttons and in the SMS text); a bare {@code OK}, {@code SNOOZE} or {@code VET}
 * written as a reply to one of our alarm messages acts on that alarm. Case and surrounding blanks
 * are ignored; anything else means nothing.
 */
final class TextReplies {

    private static final Pattern CODE = Pattern.compile("(OK|ACK|SNOOZE|VET)(?:\\s*#?\\s*([0-9]{1,18}))?");
    private static final Map<String, ButtonAction> WORDS = Map.of(
            "OK", ButtonAction.ACKNOWLEDGE, "ACK", ButtonAction.ACKNOWLEDGE,
            "SNOOZE", ButtonAction.SNOOZE, "VET", ButtonAction.CALL_VET);

    private TextReplies() {
    }

    /** The reply {@code body} means, given the alarm of the message it quotes (if any). */
    static Optional<Reply> parse(String body, PhoneNumber from, Instant at, Optional<AlarmId> quoted) {
        String t = body.strip().toUpperCase(Locale.ROOT);
        if (t.equals("STOP")) {
            return Optional.of(new Reply.OptOut(from, at));
        }
        if (t.equals("START")) {
            return Optional.of(new Reply.OptIn(from, at));
        }
        Matcher m = CODE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        ButtonAction action = WORDS.get(m.group(1));
        Optional<AlarmId> alarm = m.group(2) != null && Long.parseLong(m.group(2)) >= 1
                ? Optional.of(AlarmId.of(Long.parseLong(m.group(2)))) : quoted;
        return alarm.map(a -> action.reply(from, at, a));
    }
}
