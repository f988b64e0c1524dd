package io.herdgate.gateway.cli;

import io.herdgate.testing.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LABELS = Set.of("resting", "standing", "grazing", "walking", "ruminating", "other");

    @TempDir
    Path dir;

    private record Run(int exit, List<JsonNode> windows, String err) {
    }

    private static Run run(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HerdgateCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        List<JsonNode> windows = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                windows.add(JSON.readTree(line));
            }
        }
        return new Run(exit, windows, err.toString());
    }

    /** {@code seconds} of samples at 10 Hz in g, columns in the given header order. */
    private Path csv(String name, String header, double seconds, boolean moving) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < seconds * 10; i++) {
            double swing = moving ? 0.4 * Math.sin(2 * Math.PI * 2.5 * i / 10.0) : 0.001 * (i % 3);
            sb.append(i / 10.0).append(',').append(-0.65 + swing / 2).append(',').append(0.2 + swing).append(',')
                    .append(0.7).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void classify_csvInG_printsOneJsonObjectPerTenSecondWindow() throws IOException {
        // columns reordered: az,ax,ay written as values -0.65.., 0.2.., 0.7
        Path f = csv("cow.csv", "t,az,ax,ay", 35, true);

        Run r = run("classify", "--rate", "10", "--unit", "g", f.toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals(4, r.windows().size(), "3 full windows and the 5 s tail");
        assertEquals(List.of(0.0, 10.0, 20.0, 30.0), r.windows().stream().map(w -> w.get("start_s").asDouble()).toList());
        for (JsonNode w : r.windows()) {
            assertEquals(f.toString(), w.get("file").asText());
            assertTrue(LABELS.contains(w.get("label").asText()), w.toString());
            double c = w.get("confidence").asDouble();
            assertTrue(c > 0 && c <= 1, w.toString());
        }
    }

    @Test
    void classify_missingColumn_namesTheFileAndTheColumnsFound_andGoesOnWithTheNextFile() throws IOException {
        Path bad = csv("bad.csv", "t,x,y,z", 20, false);
        Path good = csv("good.csv", "t,ax,ay,az", 20, false);

        Run r = run("classify", "--rate", "10", bad.toString(), good.toString());

        assertEquals(0, r.exit());
        assertTrue(r.err().contains(bad + ": missing column(s) ax, ay, az; found: t, x, y, z"), r.err());
        assertEquals(2, r.windows().size());
        assertTrue(r.windows().stream().allMatch(w -> w.get("file").asText().equals(good.toString())));
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void classify_badNumber_namesFileLineAndColumn_andKeepsTheWindowsBeforeIt() throws IOException {
        Path f = csv("cow.csv", "t,ax,ay,az", 25, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(151, "15.0,0.1,abc,0.7");
        Files.write(f, lines);

        Run r = run("classify", "--rate", "10", f.toString());

        assertEquals(0, r.exit());
        assertTrue(r.err().contains(f + ":152: column ay: 'abc' is not a number"), r.err());
        assertEquals(2, r.windows().size(), "one full window and the 5 s before the bad line");
    }

    @Test
    void classify_nothingReadable_exitsOne() throws IOException {
        Run r = run("classify", "--rate", "10", dir.resolve("absent.csv").toString());

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("absent.csv: no such file"), r.err());
    }

    @Test
    void classify_rateOutsideTheClassifiersRange_isAUsageErrorNamingTheRange() throws IOException {
        Path f = csv("cow.csv", "ax,ay,az", 20, false);

        Run r = run("classify", "--rate", "2", f.toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--rate must be 5.0..100.0 Hz"), r.err());
        assertTrue(r.windows().isEmpty());
    }

    @Test
    void classify_unknownUnit_listsTheAllowedUnits() throws IOException {
        Run r = run("classify", "--rate", "10", "--unit", "furlongs", "x.csv");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("MS2, G"), r.err());
    }

    @Test
    void classify_boutFilter_neverCrossesFiles_andStartsFromTheFirstWindowAlone() throws IOException {
        Path still = csv("still.csv", "t,ax,ay,az", 30, false);
        Path moving = csv("moving.csv", "t,ax,ay,az", 30, true);

        Run smoothed = run("classify", "--rate", "10", "--unit", "g", still.toString(), moving.toString());
        Run movingAlone = run("classify", "--rate", "10", "--unit", "g", moving.toString());
        Run single = run("classify", "--rate", "10", "--unit", "g", "--no-filter", still.toString());

        assertEquals(0, smoothed.exit(), smoothed.err());
        assertEquals(movingAlone.windows(), smoothed.windows().subList(3, 6),
                "the second file is classified as if it were alone");
        // The filter starts each file from even odds: its first window is the window's own decision.
        assertEquals(smoothed.windows().get(0), single.windows().get(0));
    }

    @Test
    void classify_realGrazingBout_isMostlyGrazing() throws IOException {
        Path bout = SharedData.dir("behaviour/collar_10hz/4119");
        Path file;
        try (var s = Files.list(bout)) {
            // The longest grazing bout: several windows to classify.
            file = s.filter(p -> p.getFileName().toString().endsWith("_Grazing.csv"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }

        Run r = run("classify", "--rate", "10", "--unit", "ms2", file.toString());

        assertEquals(0, r.exit(), r.err());
        long grazing = r.windows().stream().filter(w -> w.get("label").asText().equals("grazing")).count();
        assertTrue(r.windows().size() >= 3 && grazing >= 0.8 * r.windows().size(),
                grazing + " of " + r.windows().size() + " windows grazing in " + file);
    }

    @Test
    void classify_sameCow_carriesHerPostureAcrossFiles_soHerStandingIsNotTakenForLying() throws IOException {
        // Cow 1219's collar sits turned by about 90° about z; v2 called most of her standing windows resting.
        Path data = SharedData.dir("behaviour/collar_10hz");
        List<String> files = new ArrayList<>();
        List<String> index = Files.readAllLines(data.resolve("index.csv"));
        for (String line : index.subList(1, index.size())) {
            String[] f = line.split(",");
            if (f[1].equals("1219")) {
                files.add(data.resolve(f[0]).toString());
            }
        }
        List<String> args = new ArrayList<>(List.of("classify", "--rate", "10", "--unit", "ms2", "--same-cow"));
        args.addAll(files);

        Run r = run(args.toArray(String[]::new));

        assertEquals(0, r.exit(), r.err());
        List<JsonNode> standing = r.windows().stream()
                .filter(w -> w.get("file").asText().endsWith("_Standing.csv")).toList();
        long right = standing.stream().filter(w -> w.get("label").asText().equals("standing")).count();
        assertTrue(standing.size() >= 50 && right >= 0.7 * standing.size(),
                right + " of " + standing.size() + " standing windows called standing");
    }
}
