package io.herdgate.rules.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-12.5", "0.1", ".25", "191", "0.9833333333333333", "1e3", "123456789012345678"})
    void parse_plainDecimals_matchesDoubleParseDouble(String text) {
        assertEquals(Double.parseDouble(text), parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "NaN", "Infinity", "1.2.3", "-", "0x10", "1d"})
    void parse_nonNumbers_giveNaN(String text) {
        assertTrue(Double.isNaN(parse(text)));
    }

    @Test
    void parse_randomDecimals_areCorrectlyRounded() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            String text = rnd.nextLong(0, 10_000_000) + "." + rnd.nextInt(0, 100_000_000);
            assertEquals(Double.parseDouble(text), parse(text), text);
        }
    }

    private static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return Decimals.parse(b, 0, b.length);
    }
}
