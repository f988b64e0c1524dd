package io.herdgate.gateway.sms;

import io.herdgate.gateway.notify.PhoneNumber;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One received SMS as {@code AT+CMGR} gives it in text mode:
 * {@code +CMGR: <stat>,<oa>,[<alpha>],<scts>[,...]} then the text, or {@code AT+CMGL} lists it. With the UCS2
 * character set, sender and text are UCS2 hex; plain ones (the modem's default character set) are
 * understood too.
 *
 * @param sender the originating address as decoded
 * @param text   the message text
 * @param sentAt the service centre time stamp, or the receiving time when it is missing or malformed
 */
record IncomingSms(String sender, String text, Instant sentAt) {

    private static final DateTimeFormatter SCTS = DateTimeFormatter.ofPattern("yy/MM/dd,HH:mm:ss");

    /** One message of an {@code AT+CMGL} listing, with its storage index. */
    record Stored(int index, IncomingSms sms) {
    }

    static Optional<IncomingSms> parse(List<String> lines, Instant receivedAt) {
        if (lines.isEmpty() || !lines.get(0).startsWith("+CMGR:")) {
            return Optional.empty();
        }
        return of(AtFields.split(lines.get(0).substring(6)), lines.subList(1, lines.size()), receivedAt);
    }

    /**
     * The messages of an {@code AT+CMGL} answer: per message {@code +CMGL: <index>,<stat>,<oa>,[<alpha>],[<scts>]...}
     * and its text lines. Malformed entries are left out.
     */
    static List<Stored> parseList(List<String> lines, Instant receivedAt) {
        List<Stored> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("+CMGL:")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("+CMGL:")) {
                end++;
            }
            List<String> f = AtFields.split(lines.get(i).substring(6));
            List<String> text = lines.subList(i + 1, end);
            try {
                int index = Integer.parseInt(f.get(0));
                of(f.subList(1, f.size()), text, receivedAt).ifPresent(sms -> out.add(new Stored(index, sms)));
            } catch (NumberFormatException e) {
                // not an index: skip the entry
            }
            i = end - 1;
        }
        return List.copyOf(out);
    }

    /** From the header fields starting at {@code <stat>} and the text lines. */
    private static Optional<IncomingSms> of(List<String> f, List<String> textLines, Instant receivedAt) {
        if (f.size() < 2) {
            return Optional.empty();
        }
        String text = String.join("\n", textLines);
        Instant at = f.size() >= 4 ? timestamp(f.get(3)).orElse(receivedAt) : receivedAt;
        return Optional.of(new IncomingSms(maybeHex(f.get(1)), maybeHex(text), at));
    }

    /** The sender as an E.164 number, when it is one. */
    Optional<PhoneNumber> phone() {
        try {
            return Optional.of(PhoneNumber.of(sender));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String maybeHex(String s) {
        try {
            return s.isEmpty() ? s : Ucs2Hex.decode(s);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** {@code yy/MM/dd,hh:mm:ss±zz}, zz in quarter hours. */
    private static Optional<Instant> timestamp(String scts) {
        if (scts.length() != 20) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(scts.substring(0, 17), SCTS);
            int quarters = Integer.parseInt(scts.substring(18, 20));
            int sign = scts.charAt(17) == '-' ? -1 : 1;
            return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(sign * quarters * 15 * 60)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
