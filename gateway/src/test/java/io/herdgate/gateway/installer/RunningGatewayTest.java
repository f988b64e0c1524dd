package io.herdgate.gateway.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.cli.HerdgateCommand;
import io.herdgate.gateway.config.GatewayConfig;
import io.herdgate.gateway.config.HttpConfig;
import io.herdgate.gateway.runtime.Gateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer commands against a whole running gateway (database, registry, pipeline, HTTP server on a
 * free port, token made at its first start), as on the Pi: pairing changes reach it without a restart,
 * and the collar table is read from its database while it runs.
 */
class RunningGatewayTest {

    static final String EUI = "70B3D5499A000001";
    static final String KEY = "8F3A61C2D47E0B95A1C3E5F70911B2D4";

    record Run(int exit, String out, String err) {
    }

    private static Run herdgate(Gateway g, Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = HerdgateCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--gateway", "http://127.0.0.1:" + g.httpPort(), "--data-dir", dataDir.toString()));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void pairAndUnpair_reachTheRunningGateway_andCollarsReadsItsDatabaseMeanwhile(@TempDir Path dir) {
        Path data = dir.resolve("data");
        try (Gateway g = Gateway.builder(GatewayConfig.of(data, ZoneOffset.UTC).withHttp(HttpConfig.of("127.0.0.1", 0)))
                .start()) {
            assertEquals(0, g.status().pairedCollars());
            assertTrue(Files.exists(data.resolve("api-token")));

            Run pair = herdgate(g, data, "pair", "--collar", EUI, "--key", KEY, "--cow", "7019");
            assertEquals(0, pair.exit(), pair.toString());
            assertEquals(1, g.status().pairedCollars(), "seen by the running gateway");

            Run table = herdgate(g, data, "collars");
            assertEquals(0, table.exit(), table.toString());
            assertTrue(table.out().lines().anyMatch(l -> l.startsWith("7019") && l.contains(EUI)), table.out());

            Run flash = herdgate(g, data, "flash", "--collar", EUI, "--image", dir.resolve("none.hgfw").toString());
            assertEquals(1, flash.exit());

            Run unpair = herdgate(g, data, "unpair", "--collar", EUI);
            assertEquals(0, unpair.exit(), unpair.toString());
            assertEquals(0, g.status().pairedCollars());
        }
    }

    @Test
    void firmwareRoutes_withoutAVendorKey_sayFirmwareUpdatesAreOff(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path image = dir.resolve("fw.hgfw");
        io.herdgate.protocol.firmware.SignedImageFile.write(io.herdgate.gateway.testing.CollarBench.image(1024,
                io.herdgate.protocol.firmware.ImageSigner.generateKeyPair()), image);
        try (Gateway g = Gateway.builder(GatewayConfig.of(data, ZoneOffset.UTC).withHttp(HttpConfig.of("127.0.0.1", 0)))
                .start()) {
            Run r = herdgate(g, data, "flash", "--collar", EUI, "--image", image.toString());

            assertEquals(1, r.exit());
            assertTrue(r.err().startsWith("herdgate flash: firmware updates are off in this gateway"), r.err());
        }
    }
}
