package io.herdgate.gateway.summary;

import io.herdgate.gateway.notify.Content.DailySummary;
import io.herdgate.rules.series.CowId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The daily herd summary in a contact's language (en, de, es, fr, pt-BR, hi; others get English): as
 * one SMS text ({@link #sms}) and as the five parameters of the WhatsApp template ({@link #parameters}).
 * Cows are listed in id order; expected heats by date, then id.
 */
public final class SummaryText {

    private static final String BUNDLE = "io.herdgate.gateway.summary.SummaryTexts";

    private SummaryText() {
    }

    /** The text: a title line, then one line per non-empty list, or one "nothing to report" line. */
    public static String sms(DailySummary s, Locale language) {
        ResourceBundle t = bundle(language);
        List<String> lines = new ArrayList<>();
        lines.add(t.getString("title").replace("{day}", day(s.day(), language)));
        add(lines, t, "in_heat", cows(s.inHeat()));
        add(lines, t, "to_watch", cows(s.toWatch()));
        add(lines, t, "heats_expected", expected(s.heatsExpected(), t, language));
        add(lines, t, "collars", cows(s.collarsToCheck()));
        if (lines.size() == 1) {
            lines.add(t.getString("all_quiet"));
        }
        return String.join("\n", lines);
    }

    /**
     * The WhatsApp template's body parameters, in order: the day, cows in heat, cows to watch, heats
     * expected, collars to check; an empty list is written as the language's "none".
     */
    public static List<String> parameters(DailySummary s, Locale language) {
        ResourceBundle t = bundle(language);
        String none = t.getString("none");
        return List.of(day(s.day(), language), orNone(cows(s.inHeat()), none), orNone(cows(s.toWatch()), none),
                orNone(expected(s.heatsExpected(), t, language), none), orNone(cows(s.collarsToCheck()), none));
    }

    static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static void add(List<String> lines, ResourceBundle t, String key, String cows) {
        if (!cows.isEmpty()) {
            lines.add(t.getString(key).replace("{cows}", cows));
        }
    }

    private static String orNone(String list, String none) {
        return list.isEmpty() ? none : list;
    }

    private static String day(LocalDate d, Locale language) {
        return DateTimeFormatter.ofPattern("EEE d MMM", language).format(d);
    }

    private static String cows(List<CowId> cows) {
        return cows.stream().sorted().map(CowId::value).collect(Collectors.joining(", "));
    }

    private static String expected(Map<CowId, LocalDate> expected, ResourceBundle t, Locale language) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM", language);
        return expected.entrySet().stream()
                .sorted(Map.Entry.<CowId, LocalDate>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> t.getString("expected_cow").replace("{cow}", e.getKey().value())
                        .replace("{date}", date.format(e.getValue())))
                .collect(Collectors.joining(", "));
    }
}
