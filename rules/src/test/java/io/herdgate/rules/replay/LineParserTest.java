package io.herdgate.rules.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineParserTest {

    private static final String HEADER = "cow,timestamp,steps,note,lying_min";

    private static LineParser parser() throws InputFormatException {
        CsvLayout layout = CsvLayout.of(HEADER, "in.csv");
        return new LineParser("in.csv", layout, new TimestampReader(ZoneOffset.UTC), HEADER.split(","));
    }

    private static boolean parse(LineParser p, String line, ParsedRow row) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return p.parse(b, 0, b.length, 12, row);
    }

    @Test
    void parse_goodRow_readsCowTimeAndMeasures() throws Exception {
        ParsedRow row = new ParsedRow();
        assertTrue(parse(parser(), "1355-2,2019-01-28T02:00:00,120,hello,30.5\r", row));
        assertEquals("1355-2", row.cow());
        assertEquals(Instant.parse("2019-01-28T02:00:00Z").getEpochSecond(), row.seconds);
        assertEquals(120.0, row.measure(InputColumn.STEPS));
        assertEquals(30.5, row.measure(InputColumn.LYING_MIN));
        assertTrue(Double.isNaN(row.measure(InputColumn.ACTIVITY)));
    }

    @Test
    void parse_emptyFields_areMissingMeasures() throws Exception {
        ParsedRow row = new ParsedRow();
        assertTrue(parse(parser(), "a,2019-01-28T02:00,,,", row));
        assertTrue(row.empty());
    }

    @Test
    void parse_sameCowTwice_reusesTheIdAndFlagsNoChange() throws Exception {
        LineParser p = parser();
        ParsedRow row = new ParsedRow();
        parse(p, "\"7161\",2019-01-28T02:00,1,,1", row);
        String first = row.cow();
        assertTrue(row.newCow);
        parse(p, "7161,2019-01-28T04:00,1,,1", row);
        assertSame(first, row.cow());
        assertFalse(row.newCow);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a,x,1,,1 | in.csv:12: timestamp: 'x' is not ISO-8601",
            "a,2019-01-28T02:00,-3,,1 | in.csv:12: steps: '-3' is not a number >= 0",
            "a,2019-01-28T02:00,1,,abc | in.csv:12: lying_min: 'abc' is not a number >= 0",
            "a,2019-01-28T02:00,1 | in.csv:12: row: has 3 fields, the header has 5",
            ",2019-01-28T02:00,1,,1 | in.csv:12: cow: is empty",
    })
    void parse_badRow_namesLineFieldAndValue(String line, String expectedStart) throws Exception {
        LineParser p = parser();
        assertFalse(parse(p, line, new ParsedRow()));
        String msg = p.problem().toString();
        assertTrue(msg.startsWith(expectedStart), msg);
    }
}
