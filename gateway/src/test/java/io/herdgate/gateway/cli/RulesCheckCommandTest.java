package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCheckCommandTest {

    private static Cli run(String... args) {
        return Cli.run(args);
    }

    @Test
    void check_validFile_printsSummaryAndExitsZero(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 80\ngroups:\n  heifers: {}\n");
        Cli r = run("rules", "check", f.toString());
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("valid; herd sets 1 parameter(s), 1 group(s) [heifers], 0 cow override(s)"), r.out());
    }

    @Test
    void check_badFile_printsEveryErrorOnePerLineAndExitsOne(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd:\n  heat:\n    rise_pct: 650\n  heta: {}\n");
        Cli r = run("rules", "check", f.toString());
        assertEquals(1, r.exit());
        String[] lines = r.out().split("\n");
        assertEquals(f + ":3:15: herd.heat.rise_pct: 650 is outside 10..500 (%)", lines[0]);
        assertTrue(lines[1].startsWith(f + ":4:3: herd.heta: unknown key 'heta'; did you mean 'heat'?"), lines[1]);
        assertEquals("2 errors", lines[2]);
    }

    @Test
    void check_malformedYaml_isOneLineWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules.yaml"), "herd: [\n  heat: {\n");
        Cli r = run("rules", "check", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith(f + ":"), r.out());
        assertFalse((r.out() + r.err()).contains("\tat "), r.out() + r.err());
    }

    @Test
    void check_missingFile_saysSoWithoutStackTrace(@TempDir Path dir) {
        Cli r = run("rules", "check", dir.resolve("nope.yaml").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("nope.yaml:1:1: cannot be read"), r.out());
        assertFalse((r.out() + r.err()).contains("\tat "));
    }

    @Test
    void defaults_printsTheShippedFile() {
        Cli r = run("rules", "defaults");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("    rise_pct: 70\n"), r.out());
    }
}
