package io.herdgate.sim.herd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which cows get which events, parsed from a text such as {@code heat:12,illness:7,down:#4+#9}.
 *
 * <pre>
 * spec   = entry *( "," entry )        ; empty or blank text = no events
 * entry  = event ":" target
 * event  = heat | illness | calving | down | collar_off | radio_loss | battery
 * target = count                       ; that many distinct cows, drawn from the herd seed
 *        | "#" cow *( "+" "#" cow )    ; exactly these cow numbers, 1..herd size
 * </pre>
 *
 * Spaces around tokens are ignored, names are case-insensitive, an event may appear in several
 * entries. When each event happens is drawn later from the seed (see {@link EventSchedule}).
 *
 * @param entries the parsed entries in text order
 */
public record EventSpec(List<Entry> entries) {

    public EventSpec {
        entries = List.copyOf(entries);
    }

    /** No events. */
    public static EventSpec none() {
        return new EventSpec(List.of());
    }

    /**
     * Parses a spec for a herd of {@code herdSize} cows.
     *
     * @throws EventSpecException naming the entry, its text and the allowed forms
     */
    public static EventSpec parse(String text, int herdSize) {
        List<Entry> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return none();
        }
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String raw = parts[i].trim();
            int n = i + 1;
            int colon = raw.indexOf(':');
            if (colon < 0) {
                throw new EventSpecException(n, raw, "expected event:target, e.g. heat:3 or down:#12; events: "
                        + EventKind.allowed());
            }
            String name = raw.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            EventKind kind = EventKind.ofSpecName(name).orElseThrow(() -> new EventSpecException(n, raw,
                    "unknown event '" + name + "'; allowed: " + EventKind.allowed()));
            out.add(target(n, raw, kind, raw.substring(colon + 1).trim(), herdSize));
        }
        return new EventSpec(out);
    }

    private static Entry target(int n, String raw, EventKind kind, String target, int herdSize) {
        if (target.startsWith("#")) {
            Set<CowId> cows = new LinkedHashSet<>();
            for (String c : target.split("\\+", -1)) {
                String t = c.trim();
                int number = number(n, raw, t.startsWith("#") ? t.substring(1).trim() : "",
                        "cow '" + t + "' must be # followed by a cow number");
                if (number < 1 || number > herdSize) {
                    throw new EventSpecException(n, raw, "cow #" + number + " out of 1.." + herdSize);
                }
                if (!cows.add(CowId.of(number))) {
                    throw new EventSpecException(n, raw, "cow #" + number + " listed twice");
                }
            }
            return Entry.ofCows(kind, List.copyOf(cows));
        }
        int count = number(n, raw, target, "target '" + target
                + "' must be a count (e.g. 3) or cow numbers (e.g. #4+#9)");
        if (count < 1 || count > herdSize) {
            throw new EventSpecException(n, raw, "count " + count + " out of 1.." + herdSize + " (the herd size)");
        }
        return Entry.ofCount(kind, count);
    }

    private static int number(int n, String raw, String digits, String problem) {
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            throw new EventSpecException(n, raw, problem);
        }
        return Integer.parseInt(digits);
    }

    /**
     * One entry: an event for {@code count} drawn cows, or for the listed {@code cows}.
     *
     * @param count number of cows to draw, 0 when {@code cows} is given
     * @param cows  the named cows, empty when drawn
     */
    public record Entry(EventKind kind, int count, List<CowId> cows) {

        public Entry {
            cows = List.copyOf(cows);
            if (count == 0 == cows.isEmpty()) {
                throw new IllegalArgumentException("exactly one of count and cows must be given");
            }
        }

        public static Entry ofCount(EventKind kind, int count) {
            return new Entry(kind, count, List.of());
        }

        public static Entry ofCows(EventKind kind, List<CowId> cows) {
            return new Entry(kind, 0, cows);
        }
    }
}
