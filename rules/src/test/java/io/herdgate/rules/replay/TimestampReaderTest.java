package io.herdgate.rules.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampReaderTest {

    @ParameterizedTest
    @CsvSource({
            "2019-01-28T00:00:00, 2019-01-28T00:00:00Z",
            "2019-01-28T14:30, 2019-01-28T14:30:00Z",
            "2019-01-28 14:30:05, 2019-01-28T14:30:05Z",
            "2020-02-29T23:59:59.25, 2020-02-29T23:59:59.250Z",
            "2020-06-15T10:00:00Z, 2020-06-15T10:00:00Z",
            "2020-06-15T10:00:00+02:00, 2020-06-15T08:00:00Z",
            "2020-06-15T10:00:00-0330, 2020-06-15T13:30:00Z",
            "2020-06-15T10:00+01, 2020-06-15T09:00:00Z",
            "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z",
    })
    void read_validIso8601_givesTheInstant(String text, String expected) {
        TimestampReader r = new TimestampReader(ZoneOffset.UTC);
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertTrue(r.read(b, 0, b.length), text);
        assertEquals(Instant.parse(expected), Instant.ofEpochSecond(r.seconds(), r.nanos()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "", "2019-13-01T00:00", "2019-02-29T00:00", "2019-01-28T24:00", "2019-01-28",
            "2019-01-28T10:00:61", "2019-01-28T10:00Q", "2019/01/28T10:00", "2019-01-28T10:00:00.", "2019-01-28T1a:00"})
    void read_malformedText_isRejected(String text) {
        TimestampReader r = new TimestampReader(ZoneOffset.UTC);
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertFalse(r.read(b, 0, b.length), text);
    }

    @ParameterizedTest
    @CsvSource({
            "2020-06-15T10:00:00, 2020-06-15T08:00:00Z",
            "2020-01-15T10:00:00, 2020-01-15T09:00:00Z",
            "2020-03-29T03:30:00, 2020-03-29T01:30:00Z",
    })
    void read_withoutOffset_usesTheFarmZone(String text, String expected) {
        TimestampReader r = new TimestampReader(ZoneId.of("Europe/Zurich"));
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertTrue(r.read(b, 0, b.length));
        assertEquals(Instant.parse(expected), Instant.ofEpochSecond(r.seconds(), r.nanos()));
    }
}
