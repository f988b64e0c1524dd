package io.herdgate.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelFileTest {

    private static final String KEY = "2b7e151628aed2a6abf7158809cf4f3c";

    @TempDir
    Path dir;

    @Test
    void read_goodAndBadLines_loadsTheGoodOnes_andNamesFileLineAndFieldOfEachBadOne() throws IOException {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, String.join("\n",
                "eui,key,cow",
                "# box 3",
                "70B3D5499A000001," + KEY,
                "70B3D5499A000002,2b7e151628aed2a6abf7158809cf4f,17",
                "70B3D5499A00000Z," + KEY,
                "",
                "70-B3-D5-49-9A-00-00-03,2B7E 1516 28AE D2A6 ABF7 1588 09CF 4F3C,42",
                "70B3D5499A000001," + KEY,
                "70B3D5499A000004"));

        LabelFile.Result r = LabelFile.read(file);

        assertEquals(List.of(
                CollarLabel.of(CollarEui.parse("70B3D5499A000001"), AesKey.ofHex(KEY)),
                CollarLabel.of(CollarEui.parse("70B3D5499A000003"), AesKey.ofHex(KEY), Optional.of(CowId.of("42")))),
                r.labels());
        assertEquals(List.of(
                file + ":4: field key: key must be 32 hex digits (spaces, '-' or ':' between them allowed), got 30 characters",
                file + ":5: field eui: must be 16 hex digits (':' or '-' between allowed), got '70B3D5499A00000Z'",
                file + ":8: field eui: collar 70B3D5499A000001 is already on line 3",
                file + ":9: field line: expected eui,key or eui,key,cow; got 1 field"),
                r.errors().stream().map(LabelError::toString).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "70B3D5499A000001;2b7e151628aed2a6abf7158809cf4f3c;7019|1|0",
            "\uFEFFeui,key|0|0",
            "70B3D5499A000001,2b7e151628aed2a6abf7158809cf4f3g|0|1",
            "70B3D5499A000001,2b7e151628aed2a6abf7158809cf4f3c,|1|0",
    })
    void parse_separatorsHeadersAndEmptyCow(String line, int labels, int errors) {
        LabelFile.Result r = LabelFile.parse("in", List.of(line));
        assertEquals(labels, r.labels().size());
        assertEquals(errors, r.errors().size());
    }

    @Test
    void parse_badKey_neverEchoesTheKeyText() {
        String typo = "2b7e151628aed2a6abf7158809cf4f3g";
        LabelFile.Result r = LabelFile.parse("in", List.of("70B3D5499A000001," + typo));
        assertFalse(r.errors().get(0).toString().contains(typo));
        assertTrue(r.errors().get(0).toString().contains("non-hex"));
    }
}
