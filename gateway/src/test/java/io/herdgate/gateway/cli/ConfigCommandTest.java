package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @Test
    void check_badFile_printsEveryErrorWithFileLineColumnAndExitsOne(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("herdgate.yaml"), "http:\n  port: -1\nlogging:\n  levle: info\n");
        Cli r = Cli.run("config", "check", f.toString());
        assertEquals(1, r.exit());
        assertEquals(f + ":2:9: http.port: -1 is out of range; allowed: 0..65535\n"
                + f + ":4:3: logging.levle: unknown key 'levle'; did you mean 'level'?; allowed: level, file\n"
                + "2 errors\n", r.out());
        assertTrue(r.noStackTrace());
    }

    @Test
    void check_validFile_saysWhatTheGatewayWouldRunWith(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("herdgate.yaml"),
                "data_dir: data\ntime_zone: UTC\nlinks:\n  serial:\n    device: /dev/ttyACM0\n");
        Cli r = Cli.run("config", "check", f.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("data dir   " + dir.resolve("data")), r.out());
        assertTrue(r.out().contains("links      serial /dev/ttyACM0 @ 115200"), r.out());
    }

    @Test
    void example_printsTheDocumentedConfiguration() {
        Cli r = Cli.run("config", "example");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("  serial:\n    device: /dev/ttyUSB0\n"), r.out());
    }
}
