package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TEMPLATES.md is what installers submit for approval, so it must say exactly what the gateway sends. */
class TemplatesDocTest {

    private static final Path DOC = Path.of("TEMPLATES.md");

    private static final Map<String, String> MEANING = Map.of(
            "cows", "the cows' ids, comma-separated, e.g. `7019, 7020`",
            "activity_pct", "activity as a percentage of the cow's own baseline (alarm fact `activity_pct`), e.g. `212`",
            "since", "when the alarm was raised, farm time, short date and time in the recipient's language",
            "battery_pct", "collar battery in percent (alarm fact `battery_pct`), e.g. `12`",
            "day", "the summary's date in the recipient's language, e.g. `Sat 21 Nov`",
            "in_heat", "cows in heat, comma-separated, or the language's word for none",
            "to_watch", "cows with an illness, calving or cow-down alarm, or none",
            "heats_expected", "cows whose next heat is due, with the date, e.g. `7019 (24 Nov)`, or none",
            "collars_to_check", "cows whose collar needs attention, or none");

    @Test
    void templatesDoc_matchesBundledCatalog() throws IOException {
        String expected = render(TemplateCatalog.bundled());
        String actual = Files.exists(DOC) ? Files.readString(DOC) : "";
        if (!expected.equals(actual)) {
            Path fresh = Path.of("target", "TEMPLATES.md");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, expected);
            assertEquals(expected, actual, "TEMPLATES.md is out of date; the current text is in " + fresh);
        }
    }

    static String render(TemplateCatalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("# WhatsApp message templates\n\n");
        md.append("The gateway sends alarms and the daily summary outside WhatsApp's 24-hour customer-service window\n");
        md.append("only as approved templates. Submit each template below in WhatsApp Manager (Message templates,\n");
        md.append("Create template) with category **UTILITY**, the exact name, and the exact text for each language.\n");
        md.append("Inside the window the gateway sends the same text as an interactive message with the same buttons.\n\n");
        md.append("A critical alarm must not wait for its chart to be drawn: it goes out as the template sent for\n");
        md.append("`critical_<type>` (no header), and the cow's activity chart follows as the `alarm_chart` template\n");
        md.append("(inside the window: an image message with the same caption) once WhatsApp's pair-rate limit lets it.\n\n");
        md.append("This file is checked against `src/main/resources/io/herdgate/gateway/whatsapp/templates.json`\n");
        md.append("(the texts the gateway sends and the test Cloud API accepts as approved) by `TemplatesDocTest`.\n\n");
        md.append("Quick-reply buttons, in this order, on every template marked *buttons*; their payloads carry the\n");
        md.append("alarm id (`ack:<id>`, `snooze:<id>`, `vet:<id>`), so a tap acts on the right alarm:\n\n");
        md.append("| Language | Acknowledge | Snooze 2 h | Call vet |\n|---|---|---|---|\n");
        for (TemplateLanguage lang : List.of(TemplateLanguage.ENGLISH, TemplateLanguage.of("de"), TemplateLanguage.of("es"),
                TemplateLanguage.of("fr"), TemplateLanguage.of("pt_BR"), TemplateLanguage.of("hi"))) {
            List<String> l = catalog.labels(lang);
            md.append("| `").append(lang).append("` | ").append(String.join(" | ", l)).append(" |\n");
        }
        md.append('\n');
        for (MessageTemplate t : catalog.templates()) {
            md.append("## `").append(t.name()).append("`\n\n");
            md.append("- Sent for: `").append(t.use().jsonName()).append("`\n");
            md.append("- Category: UTILITY\n");
            md.append("- Header: ").append(t.imageHeader()
                    ? "IMAGE (the cow's activity chart, PNG; use any chart as the sample)" : "none").append('\n');
            md.append("- Buttons: ").append(t.buttons() ? "the three quick replies above" : "none").append('\n');
            md.append("- Body parameters:\n");
            for (int i = 0; i < t.parameters().size(); i++) {
                String p = t.parameters().get(i);
                md.append("  - `{{").append(i + 1).append("}}` ").append(p).append(": ")
                        .append(MEANING.getOrDefault(p, "alarm fact `" + p + "`")).append('\n');
            }
            md.append('\n');
            t.bodies().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TemplateLanguage::code)))
                    .forEach(e -> md.append("`").append(e.getKey()).append("`\n\n> ").append(e.getValue()).append("\n\n"));
        }
        return md.toString();
    }
}
