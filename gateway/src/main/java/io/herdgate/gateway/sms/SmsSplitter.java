package io.herdgate.gateway.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into at most {@code maxParts} single messages. Accents GSM 7-bit lacks are folded
 * ({@link Gsm7#fold}) when that makes the whole text GSM 7-bit; otherwise it goes as UCS2. Text mode cannot send concatenated SMS, so
 * each part is a message of its own, numbered {@code "(1/3) "}, and cut at a space or line break where
 * one lies in the last third of the part, never inside a surrogate pair. Text beyond the last part is
 * dropped and the last part ends in {@code "..."}, so the reader sees that something is missing.
 */
final class SmsSplitter {

    static final String ELLIPSIS = "...";

    private SmsSplitter() {
    }

    /** One message's text and how it is coded. */
    record Part(String text, SmsCoding coding) {
    }

    static List<Part> split(String text, int maxParts) {
        String folded = Gsm7.fold(text.strip());
        String body = Gsm7.canEncode(folded) ? folded : text.strip();
        SmsCoding coding = SmsCoding.of(body);
        if (coding.length(body) <= coding.limit()) {
            return List.of(new Part(body, coding));
        }
        List<Part> parts = new ArrayList<>();
        int n = Math.min(maxParts, estimateParts(body, coding));
        int at = 0;
        for (int i = 1; i <= n && at < body.length(); i++) {
            String prefix = n == 1 ? "" : "(" + i + "/" + n + ") ";
            boolean last = i == n;
            int room = coding.limit() - coding.length(prefix);
            String rest = body.substring(at);
            if (coding.length(rest) <= room) {
                parts.add(new Part(prefix + rest, coding));
                at = body.length();
                break;
            }
            int cut = fit(rest, coding, last ? room - ELLIPSIS.length() : room);
            String piece = rest.substring(0, cut).stripTrailing();
            parts.add(new Part(prefix + piece + (last ? ELLIPSIS : ""), coding));
            at += cut;
            while (at < body.length() && Character.isWhitespace(body.charAt(at))) {
                at++;
            }
        }
        return List.copyOf(parts);
    }

    /** Parts needed when each carries a "(i/n) " prefix; at least two. */
    private static int estimateParts(String body, SmsCoding coding) {
        int room = coding.limit() - "(1/9) ".length();
        return Math.max(2, (coding.length(body) + room - 1) / room);
    }

    /** Chars of {@code s} that fit in {@code room} units, preferring a break at whitespace. */
    private static int fit(String s, SmsCoding coding, int room) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int w = coding == SmsCoding.GSM7 ? Gsm7.septets(cp) : Character.charCount(cp);
            if (used + w > room) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        for (int j = i; j > i * 2 / 3; j--) {
            if (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                return j;
            }
        }
        return i;
    }
}
