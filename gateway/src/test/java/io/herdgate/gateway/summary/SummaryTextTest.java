package io.herdgate.gateway.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.notify.Content.DailySummary;
import io.herdgate.rules.series.CowId;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final DailySummary BUSY = new DailySummary(DAY, List.of(CowId.of("7019"), CowId.of("1355")),
            List.of(CowId.of("4411")), Map.of(CowId.of("5120"), DAY.plusDays(3), CowId.of("3001"), DAY.plusDays(1)),
            List.of(CowId.of("6001")));
    private static final DailySummary QUIET = new DailySummary(DAY, List.of(), List.of(), Map.of(), List.of());

    @Test
    void english_listsEachGroup_cowsInIdOrder_expectedHeatsByDate() {
        assertEquals("""
                Herd summary Sat 21 Nov
                In heat: 1355, 7019
                To watch: 4411
                Heats expected: 3001 (22 Nov), 5120 (24 Nov)
                Collars to check: 6001""", SummaryText.sms(BUSY, Locale.ENGLISH));
    }

    @Test
    void emptyGroups_areLeftOut_andAQuietDaySaysSo() {
        assertEquals("Herd summary Sat 21 Nov\nNothing to report: no heats, no cows to watch, all collars fine.",
                SummaryText.sms(QUIET, Locale.ENGLISH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "es", "fr", "pt-BR", "hi"})
    void everyLanguage_hasItsOwnText(String tag) {
        Locale language = Locale.forLanguageTag(tag);

        String text = SummaryText.sms(BUSY, language);

        assertFalse(text.contains("Herd summary"), text);
        assertFalse(text.contains("In heat"), text);
        assertTrue(text.contains("1355, 7019"), text);
        assertEquals(5, text.lines().count());
    }

    @Test
    void unknownLanguage_getsEnglish_notTheMachinesDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertTrue(SummaryText.sms(QUIET, Locale.forLanguageTag("sw")).startsWith("Herd summary"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void templateParameters_areFive_withNoneForEmptyGroups() {
        assertEquals(List.of("Sa. 21 Nov.", "keine", "keine", "keine", "keine"), SummaryText.parameters(QUIET, Locale.GERMAN));
        assertEquals(List.of("Sat 21 Nov", "1355, 7019", "4411", "3001 (22 Nov), 5120 (24 Nov)", "6001"),
                SummaryText.parameters(BUSY, Locale.ENGLISH));
    }
}
