package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.testing.CollarBench;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.SignedImageFile;
import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.sim.collar.SimulatedCollar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code herdgate flash} end to end: the command talks to a real HTTP server on a free port, whose flash
 * service updates the simulator's collar through the pipeline while simulated time runs on beside it.
 */
class FlashCommandTest {

    static final String EUI = CollarBench.EUI.toString();

    @TempDir
    Path dataDir;
    CollarBench bench;
    TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        bench = CollarBench.open(dataDir, UpdateSettings.of(192, 8, Duration.ofSeconds(2), 3));
        assertTrue(bench.runUntil(() -> bench.collarState() == SimulatedCollar.State.JOINED));
        gateway = TestGateway.start(dataDir, bench.registry(), bench.flash());
        bench.runInBackground();
    }

    @AfterEach
    void stop() throws InterruptedException {
        gateway.close();
        bench.close();
    }

    private Cli flash(Path image) {
        CommandLine cl = HerdgateCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        ((FlashCommand) cl.getSubcommands().get("flash").getCommand()).poll = Duration.ofMillis(20);
        int exit = cl.execute("flash", "--collar", EUI, "--image", image.toString(), "--gateway", gateway.url(),
                "--data-dir", dataDir.toString());
        return new Cli(exit, out.toString(), err.toString());
    }

    @Test
    void flash_signedRelease_showsProgressAndEndsUpdated() throws IOException {
        Path file = dataDir.resolve("collar-1.1.0.hgfw");
        SignedImageFile.write(bench.image(6 * 1024), file);

        Cli r = flash(file);

        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Updating collar " + EUI + " to 1.1.0 (image "), r.out());
        assertTrue(lines.get(0).endsWith(", 6.0 KiB)"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[###") && l.contains("transfer")), r.out());
        assertTrue(lines.contains("[##############################] 100%  6.0 KiB / 6.0 KiB  done"), r.out());
        assertEquals("Done: collar " + EUI + " runs 1.1.0.", lines.get(lines.size() - 1));
        assertEquals(CollarBench.NEW, bench.collarFirmware());
    }

    @Test
    void flash_gatewayGoneWhileWatching_exitsInterrupted_sayingHowToResume() throws Exception {
        Path file = dataDir.resolve("collar-1.1.0.hgfw");
        SignedImageFile.write(bench.image(32 * 1024), file);
        Thread stopper = new Thread(() -> {
            try {
                while (bench.flash().status(CollarBench.EUI).map(s -> s.progress().ackedBytes() < 2048).orElse(true)) {
                    Thread.sleep(5);
                }
                gateway.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();

        Cli r = flash(file);
        stopper.join();

        assertEquals(FlashCommand.INTERRUPTED, r.exit(), r.toString());
        assertTrue(r.err().contains("run the same command again to resume the update"), r.err());
        assertTrue(r.noStackTrace());
    }

    @Test
    void flash_releaseOfAnotherVendor_isRefusedByTheGateway_beforeAByteIsSent() throws IOException {
        Path file = dataDir.resolve("foreign.hgfw");
        SignedImageFile.write(CollarBench.image(4096, ImageSigner.generateKeyPair()), file);
        int before = bench.downlinksDelivered();

        Cli r = flash(file);

        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("herdgate flash: firmware image: signature does not verify with vendor key"),
                r.err());
        assertEquals(before, bench.downlinksDelivered());
    }

    @Test
    void flash_fileThatIsNoRelease_failsNamingTheFile() throws IOException {
        Path file = dataDir.resolve("notes.txt");
        Files.writeString(file, "not firmware");

        Cli r = flash(file);

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("herdgate flash: " + file + ": not a herdgate firmware file"), r.err());
        assertTrue(r.noStackTrace());
    }
}
