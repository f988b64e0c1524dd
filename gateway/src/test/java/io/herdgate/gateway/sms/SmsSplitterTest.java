package io.herdgate.gateway.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSplitterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Kuh 7019 läuft, Brünstig seit 13:05 | 35",
        "Price 5€ [ok]                        | 16",
        "Ça marche @ 12:00                    | 17",
    })
    void gsm7Length_countsExtensionCharactersTwice(String text, int septets) {
        assertTrue(Gsm7.canEncode(text));
        assertEquals(septets, Gsm7.length(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "veterinário    | veterinario",
        "Vêlage, tombé  | Velage, tombé",
        "Doença e Batería | Doenca e Bateria",
        "गाय 7019        | गाय 7019",
    })
    void fold_replacesOnlyWhatGsm7Lacks_byItsBaseLetter(String text, String folded) {
        assertEquals(folded, Gsm7.fold(text));
    }

    @Test
    void shortGsmText_isOneMessage_asItIs() {
        assertEquals(List.of(new SmsSplitter.Part("Heat: cow 7019", SmsCoding.GSM7)), SmsSplitter.split(" Heat: cow 7019 ", 3));
    }

    @Test
    void textWithAccentsGsm7Lacks_isFolded_notSentAsUcs2() {
        SmsSplitter.Part p = SmsSplitter.split("Cio: vaca 7019. Responda VET 7 para chamar o veterinário.", 3).get(0);

        assertEquals(SmsCoding.GSM7, p.coding());
        assertTrue(p.text().endsWith("veterinario."));
    }

    @Test
    void devanagari_isUcs2_with70CharactersAMessage() {
        String text = "गाय 7019 गर्मी में। ".repeat(8);

        List<SmsSplitter.Part> parts = SmsSplitter.split(text, 6);

        assertTrue(parts.size() > 1);
        for (SmsSplitter.Part p : parts) {
            assertEquals(SmsCoding.UCS2, p.coding());
            assertTrue(p.text().length() <= 70, p.text().length() + ": " + p.text());
        }
        assertEquals(text.strip().replace(" ", ""), String.join("", parts.stream()
                .map(p -> p.text().replaceFirst("^\\(\\d/\\d\\) ", "")).toList()).replace(" ", ""), "nothing lost");
    }

    @Test
    void longText_isCutAtSpaces_intoNumberedParts_andTheRestIsMarkedAsMissing() {
        String text = "word ".repeat(100);

        List<SmsSplitter.Part> parts = SmsSplitter.split(text, 2);

        assertEquals(2, parts.size());
        assertTrue(parts.get(0).text().startsWith("(1/2) word"));
        assertTrue(parts.get(0).text().endsWith("word"), "cut between words: " + parts.get(0).text());
        assertTrue(parts.get(1).text().endsWith("word..."), parts.get(1).text());
        parts.forEach(p -> assertTrue(p.text().length() <= 160));
    }

    @Test
    void emoji_isNeverSplitInsideItsSurrogatePair() {
        String text = "\uD83D\uDC04".repeat(50);

        for (SmsSplitter.Part p : SmsSplitter.split(text, 3)) {
            assertFalse(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1 - (p.text().endsWith("...") ? 3 : 0))),
                    "part ends in half a pair: " + p.text());
            assertTrue(p.text().length() <= 70);
        }
    }
}
