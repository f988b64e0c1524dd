package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @Test
    void run_invalidConfig_printsEveryProblemAndDoesNotStart(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("herdgate.yaml"), "data_dir: data\nhttp:\n  port: 99999\nretention:\n  days: 3\n");
        Cli r = Cli.run("run", "--config", f.toString());
        assertEquals(1, r.exit());
        assertEquals(f + ":3:9: http.port: 99999 is out of range; allowed: 0..65535\n"
                + f + ":5:3: retention.days: unknown key 'days'; allowed: features_days, run_at\n"
                + "herdgate run: 2 configuration error(s); not started\n", r.err());
        assertTrue(Files.notExists(dir.resolve("data")), "nothing was created");
    }

    @Test
    void run_missingConfig_saysWhichFile(@TempDir Path dir) {
        Cli r = Cli.run("run", "--config", dir.resolve("nope.yaml").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith(dir.resolve("nope.yaml") + ":1:1: cannot be read"), r.err());
        assertTrue(r.noStackTrace());
    }

    @Test
    void run_gatewayCannotStart_isOneLineNamingTheStep(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data"), "a file where the data directory should be");
        Path f = Files.writeString(dir.resolve("herdgate.yaml"), "data_dir: data\nhttp:\n  port: 0\n");
        Cli r = Cli.run("run", "--config", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("herdgate run: cannot start (data directory): cannot create " + dir.resolve("data")), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
