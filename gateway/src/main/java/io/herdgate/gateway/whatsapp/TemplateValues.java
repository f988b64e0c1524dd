package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.summary.SummaryText;
import io.herdgate.rules.series.CowId;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The values of a template's body parameters for one message. For alarms: {@code cows} (ids,
 * comma-separated, at most {@value #MAX_COWS} then "+n"), {@code since} (raised at, farm time, short
 * date and time in the recipient's language), any other name from the alarm's facts. For the daily
 * summary: {@code day}, {@code in_heat}, {@code to_watch}, {@code heats_expected}, {@code collars_to_check}
 * as {@link SummaryText#parameters} writes them in the recipient's language. A missing or empty value is
 * written as "–"; WhatsApp rejects empty parameters and line breaks in them, so blanks are collapsed.
 */
final class TemplateValues {

    static final String NONE = "–";
    static final int MAX_COWS = 20;
    /** The daily summary's parameter names, in the order of {@link SummaryText#parameters}. */
    private static final List<String> SUMMARY = List.of("day", "in_heat", "to_watch", "heats_expected", "collars_to_check");

    private TemplateValues() {
    }

    static List<String> of(MessageTemplate template, Content content, ZoneId zone, Locale locale) {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        List<String> summary = content instanceof Content.DailySummary s ? SummaryText.parameters(s, locale) : List.of();
        List<String> values = new ArrayList<>();
        for (String name : template.parameters()) {
            String v = content instanceof Content.AlarmMessage a ? alarmValue(name, a, dateTime)
                    : SUMMARY.contains(name) ? summary.get(SUMMARY.indexOf(name)) : "";
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

    /** Ids comma-separated; beyond {@link #MAX_COWS} the rest is counted ("+12") to keep messages short. */
    private static String cows(List<CowId> cows) {
        String shown = cows.stream().limit(MAX_COWS).map(CowId::value).collect(Collectors.joining(", "));
        return cows.size() > MAX_COWS ? shown + " +" + (cows.size() - MAX_COWS) : shown;
    }
}
