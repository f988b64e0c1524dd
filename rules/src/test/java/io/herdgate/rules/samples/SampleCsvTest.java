package io.herdgate.rules.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleCsvTest {

    @TempDir
    Path dir;

    private final List<double[]> samples = new ArrayList<>();

    private CsvOutcome read(String content) throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, content);
        return SampleCsv.read(f, (x, y, z) -> samples.add(new double[] {x, y, z}));
    }

    @Test
    void read_columnsInAnyOrderWithExtras_deliversAxAyAz() throws IOException {
        CsvOutcome o = read("\uFEFFt_s, AZ ,label,ay,ax\n0.0,3,lying,2,1\n\n0.1,6,lying,5,4\n");

        assertEquals(new CsvOutcome.Complete(2), o);
        assertEquals(List.of(1.0, 2.0, 3.0), List.of(samples.get(0)[0], samples.get(0)[1], samples.get(0)[2]));
        assertEquals(4.0, samples.get(1)[0]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "word | 1,x,3 | s.csv:3: column ay: 'x' is not a number",
            "empty cell | 1,,3 | s.csv:3: column ay: missing value",
            "short row | 1,2 | s.csv:3: column az: missing value",
            "infinity | 1,2,Infinity | s.csv:3: column az: 'Infinity' is not a number"})
    void read_badValue_stopsNamingFileLineAndColumn(String name, String row, String expected) throws IOException {
        CsvOutcome o = read("ax,ay,az\n0,0,1\n" + row + "\n0,0,1\n");

        CsvOutcome.Stopped s = assertInstanceOf(CsvOutcome.Stopped.class, o);
        assertEquals(1, s.samples());
        assertEquals(expected + ", expected a finite decimal number such as -9.81",
                s.problem().describe().replace(dir.toString() + "/", ""));
    }

    @Test
    void read_missingColumns_areNamedWithTheColumnsFound() throws IOException {
        CsvOutcome o = read("x,ay,z\n1,2,3\n");

        CsvOutcome.Unreadable u = assertInstanceOf(CsvOutcome.Unreadable.class, o);
        assertEquals("missing column(s) ax, az; found: x, ay, z", u.problem().message());
        assertEquals(0, samples.size());
    }

    @Test
    void read_emptyFile_isUnreadable() throws IOException {
        assertInstanceOf(CsvOutcome.Unreadable.class, read(""));
    }
}
