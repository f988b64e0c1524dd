package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.rules.alarm.AlarmType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateCatalogTest {

    private static final TemplateCatalog BUNDLED = TemplateCatalog.bundled();

    @Test
    void bundled_hasOneTemplatePerAlarmTypeAndTheSummary_inSixLanguages() {
        for (AlarmType type : AlarmType.values()) {
            MessageTemplate t = BUNDLED.forUse(TemplateUse.alarm(type)).orElseThrow();
            assertEquals(6, t.bodies().size(), t.name().toString());
            assertTrue(t.buttons());
        }
        assertEquals(6, BUNDLED.forUse(TemplateUse.dailySummary()).orElseThrow().bodies().size());
    }

    @ParameterizedTest
    @CsvSource({"pt-BR, pt_BR", "pt-PT, pt_BR", "de-AT, de", "hi-IN, hi", "nl, en", "en-GB, en"})
    void languageFor_recipientLocale_picksTheClosestApproved(String locale, String expected) {
        MessageTemplate heat = BUNDLED.forUse(TemplateUse.alarm(AlarmType.HEAT)).orElseThrow();
        assertEquals(TemplateLanguage.of(expected),
                heat.languageFor(TemplateLanguage.forLocale(Locale.forLanguageTag(locale))));
    }

    @Test
    void render_fillsPlaceholdersInOrder() {
        MessageTemplate down = BUNDLED.forUse(TemplateUse.alarm(AlarmType.NO_MOTION)).orElseThrow();
        assertEquals("Cow down: cow 7019 has not moved since 21/11/2026, 04:10. Please check her now.",
                down.render(TemplateLanguage.ENGLISH, List.of("7019", "21/11/2026, 04:10")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Heat in cow {{2}} since {{1}}. Check.|placeholder {{2}} where {{1}} is due",
            "Heat in cow {{1}}. Check.|1 placeholders for 2 parameters",
            "{{1}} is in heat since {{2}}.|may not start or end with a placeholder",
    })
    void read_badBody_isRejectedNamingTemplateAndLanguage(String body, String message, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates.yaml");
        Files.writeString(file, """
                templates:
                  - name: my_heat
                    use: heat
                    parameters: [cows, since]
                    texts:
                      en: "%s"
                """.formatted(body));
        TemplateCatalogException e = assertThrows(TemplateCatalogException.class, () -> TemplateCatalog.read(file));
        assertTrue(e.getMessage().startsWith(file + ": template my_heat [en]: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void read_unknownUse_namesTheAllowedOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "templates:\n  - name: x\n    use: lameness\n    texts: {en: 'a {{1}} b'}\n    parameters: [cows]\n");
        TemplateCatalogException e = assertThrows(TemplateCatalogException.class, () -> TemplateCatalog.read(file));
        assertTrue(e.getMessage().contains("unknown use 'lameness', allowed: heat, illness"), e.getMessage());
    }

    @Test
    void of_buttonsWithoutLabelsForALanguage_isRejected() {
        MessageTemplate t = MessageTemplate.of(TemplateName.of("x"), TemplateUse.alarm(AlarmType.HEAT), false, true,
                List.of("cows"), Map.of(TemplateLanguage.ENGLISH, "Cow {{1}} in heat.", TemplateLanguage.of("de"), "Kuh {{1}} brünstig."));
        TemplateCatalogException e = assertThrows(TemplateCatalogException.class, () -> TemplateCatalog.of("test", List.of(t),
                Map.of(TemplateLanguage.ENGLISH, List.of("Acknowledge", "Snooze 2 h", "Call vet"))));
        assertEquals("test: template x: language de needs 3 button labels under 'buttons'", e.getMessage());
    }

    @Test
    void bundled_everyAlarmTemplateWithAChart_hasACriticalTwinWithoutOne_andTheChartTemplateExists() {
        for (AlarmType type : AlarmType.values()) {
            MessageTemplate t = BUNDLED.forUse(TemplateUse.alarm(type)).orElseThrow();
            if (t.imageHeader()) {
                MessageTemplate critical = BUNDLED.forUse(TemplateUse.criticalAlarm(type)).orElseThrow();
                assertEquals(t.parameters(), critical.parameters(), critical.name().toString());
                assertEquals(t.bodies().keySet(), critical.bodies().keySet(), critical.name().toString());
                assertTrue(critical.buttons() && !critical.imageHeader(), critical.name().toString());
            }
        }
        MessageTemplate chart = BUNDLED.forUse(TemplateUse.alarmChart()).orElseThrow();
        assertTrue(chart.imageHeader() && !chart.buttons());
        assertEquals(6, chart.bodies().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "critical_no_motion|image|false|a critical alarm's template has header 'none'",
            "alarm_chart|none|false|the 'alarm_chart' template has header 'image' and no buttons",
            "alarm_chart|image|true|the 'alarm_chart' template has header 'image' and no buttons",
    })
    void read_criticalOrChartTemplateWithTheWrongHeader_isRejected(String use, String header, boolean buttons, String message,
                                                                    @TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                templates:
                  - name: x
                    use: %s
                    header: %s
                    buttons: %s
                    parameters: [cows]
                    texts: {en: 'Cow {{1}} down.'}
                buttons:
                  en: [Acknowledge, Snooze 2 h, Call vet]
                """.formatted(use, header, buttons));
        TemplateCatalogException e = assertThrows(TemplateCatalogException.class, () -> TemplateCatalog.read(file));
        assertTrue(e.getMessage().startsWith(file + ": template x: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void read_criticalTemplateWithoutTheChartTemplate_isRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "templates:\n  - name: x\n    use: critical_no_motion\n    texts: {en: 'Cow {{1}} down.'}\n"
                + "    parameters: [cows]\n");
        TemplateCatalogException e = assertThrows(TemplateCatalogException.class, () -> TemplateCatalog.read(file));
        assertEquals(file + ": templates for critical alarms need the 'alarm_chart' template that sends their chart after them",
                e.getMessage());
    }
}
