package io.herdgate.gateway.sms;

import io.herdgate.gateway.notify.Content;
import io.herdgate.gateway.summary.SummaryText;
import io.herdgate.rules.series.CowId;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * What an SMS says, in the recipient's language (en, de, es, fr, pt-BR, hi; others get English). Alarm
 * texts name the type, the cows (at most five, then "+n"), the raised-at time in the farm's zone and the
 * reply codes with the alarm number; repeats start with "Reminder".
 */
final class SmsText {

    private static final String BUNDLE = "io.herdgate.gateway.sms.AlarmTexts";
    private static final int COWS_LISTED = 5;

    private SmsText() {
    }

    static String of(Content content, Locale language, ZoneId zone) {
        if (content instanceof Content.AlarmMessage a) {
            return alarm(a, language, zone);
        }
        return SummaryText.sms((Content.DailySummary) content, language);
    }

    private static String alarm(Content.AlarmMessage a, Locale language, ZoneId zone) {
        ResourceBundle t = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(language)
                .format(a.raisedAt().atZone(zone));
        String text = t.getString("alarm")
                .replace("{type}", t.getString(a.type().jsonName()))
                .replace("{cow}", t.getString(a.cows().size() == 1 ? "cow" : "cows"))
                .replace("{cows}", cows(a.cows()))
                .replace("{time}", time)
                .replace("{id}", a.alarm().toString());
        return a.step() > 0 ? t.getString("reminder") + ": " + text : text;
    }

    private static String cows(List<CowId> cows) {
        String listed = cows.stream().limit(COWS_LISTED).map(CowId::value).collect(Collectors.joining(", "));
        return cows.size() > COWS_LISTED ? listed + " +" + (cows.size() - COWS_LISTED) : listed;
    }
}
