package io.herdgate.gateway.flash;

import static io.herdgate.gateway.testing.CollarBench.EUI;
import static io.herdgate.gateway.testing.CollarBench.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.testing.CollarBench;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.UpdateOutcome;
import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.sim.collar.SimulatedCollar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A firmware update over a real serial link: socat pty pair, the gateway's serial link and ingest thread
 * on one end, the simulated dongle with the simulator's collar on the other. The dongle is pulled out in
 * the middle of the transfer and plugged back in; starting the update again resumes it.
 */
class FlashOverSerialTest {

    @TempDir
    Path dir;
    CollarBench bench;

    @BeforeEach
    void open() {
        bench = CollarBench.overSerial(dir, UpdateSettings.of(192, 8, Duration.ofSeconds(4), 2));
    }

    @AfterEach
    void close() throws InterruptedException {
        bench.close();
    }

    private boolean done() {
        return bench.flash().status(EUI).map(FlashStatus::done).orElse(false);
    }

    @Test
    void flash_dongleUnpluggedMidTransfer_failsResumably_andResumesAfterReplug() throws Exception {
        assertTrue(bench.runUntil(() -> bench.collarState() == SimulatedCollar.State.JOINED), "collar joined");
        assertEquals(OptionalInt.of(-60), bench.registry().collars().get(0).rssiDbm(), "RSSI from the dongle");
        SignedImage image = bench.image(16 * 1024);

        bench.flash().start(EUI, image);
        assertTrue(bench.runUntil(() -> bench.flash().status(EUI).orElseThrow().progress().ackedBytes() >= 5000));
        bench.unplug();
        assertTrue(bench.runUntil(this::done));
        UpdateOutcome interrupted = bench.flash().status(EUI).orElseThrow().outcome().orElseThrow();
        assertInstanceOf(UpdateOutcome.Failed.class, interrupted);
        assertTrue(((UpdateOutcome.Failed) interrupted).resumable(), interrupted.toString());

        bench.replug();
        Thread.sleep(500); // both ends reopen the pty on their own back-off
        FlashStart again = bench.flash().start(EUI, image);
        assertTrue(bench.runUntil(this::done));

        assertInstanceOf(FlashStart.Started.class, again);
        assertTrue(((FlashStart.Started) again).status().resumedFrom() >= 4096, again.toString());
        assertEquals(Optional.of(UpdateOutcome.Updated.of(NEW)), bench.flash().status(EUI).orElseThrow().outcome());
        assertEquals(NEW, bench.collarFirmware());
    }
}
