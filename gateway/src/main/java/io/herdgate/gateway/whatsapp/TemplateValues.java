package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.Content;
import io.herdgate.rules.series.CowId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of a template's body parameters for one message. Known names: {@code cows} (ids,
 * comma-separated, {@code since} (raised at, farm time, short localized date and time), {@code day},
 * {@code in_heat}, {@code to_watch}, {@code heats_expected}, {@code collars_to_check} (daily summary);
 * any other name is looked up in the alarm's facts. A missing or empty value is written as "–"; WhatsApp
 * rejects empty parameters and line breaks in them, so blanks are collapsed.
 */
final class TemplateValues {

    static final String NONE = "–";
    static final int MAX_COWS = 20;

    private TemplateValues() {
    }

    static List<String> of(MessageTemplate template, Content content, ZoneId zone, Locale locale) {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        List<String> values = new ArrayList<>();
        for (String name : template.parameters()) {
            String v = content instanceof Content.AlarmMessage a ? alarmValue(name, a, dateTime)
                    : summaryValue(name, (Content.DailySummary) content, date);
            String clean = v.replaceAll("\\s+", " ").strip();
            values.add(clean.isEmpty() ? NONE : clean);
        }
        return List.copyOf(values);
    }

    private static String alarmValue(String name, Content.AlarmMessage a, DateTimeFormatter dateTime) {
        return switch (name) {
            case "cows" -> cows(a.cows());
            case "since" -> dateTime.format(a.raisedAt());
            default -> a.facts().getOrDefault(name, "");
        };
    }

    private static String summaryValue(String name, Content.DailySummary s, DateTimeFormatter date) {
        return switch (name) {
            case "day" -> date.format(s.day());
            case "in_heat" -> cows(s.inHeat());
            case "to_watch" -> cows(s.toWatch());
            case "collars_to_check" -> cows(s.collarsToCheck());
            case "heats_expected" -> expected(s.heatsExpected(), date);
            default -> "";
        };
    }

    /** Ids comma-separated; beyond {@link #MAX_COWS} the rest is counted ("+12") to keep messages short. */
    private static String cows(List<CowId> cows) {
        String shown = cows.stream().limit(MAX_COWS).map(CowId::value).collect(Collectors.joining(", "));
        return cows.size() > MAX_COWS ? shown + " +" + (cows.size() - MAX_COWS) : shown;
    }

    private static String expected(Map<CowId, LocalDate> due, DateTimeFormatter date) {
        return due.entrySet().stream()
                .sorted(Map.Entry.<CowId, LocalDate>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey().value() + " (" + date.format(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }
}
