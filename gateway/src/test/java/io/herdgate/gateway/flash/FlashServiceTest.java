package io.herdgate.gateway.flash;

import static io.herdgate.gateway.testing.CollarBench.EUI;
import static io.herdgate.gateway.testing.CollarBench.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.store.SqliteProgressStore;
import io.herdgate.gateway.testing.CollarBench;
import io.herdgate.protocol.firmware.ImageFileException;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.SignedImageFile;
import io.herdgate.protocol.firmware.UpdateOutcome;
import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.sim.collar.SimulatedCollar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in one process: the flash service drives the simulator's collar (the protocol's collar-side
 * update state machine over simulated flash) through the frame pipeline and the live registry, on a real
 * SQLite store.
 */
class FlashServiceTest {

    @TempDir
    Path dir;
    CollarBench bench;
    FlashService flash;

    @BeforeEach
    void open() {
        bench = CollarBench.open(dir, UpdateSettings.of(192, 8, Duration.ofSeconds(2), 2));
        flash = bench.flash();
    }

    @AfterEach
    void close() throws InterruptedException {
        bench.close();
    }

    private boolean done() {
        return flash.status(EUI).map(FlashStatus::done).orElse(false);
    }

    private void joined() throws InterruptedException {
        assertTrue(bench.runUntil(() -> bench.collarState() == SimulatedCollar.State.JOINED));
    }

    @Test
    void flash_joinedCollar_transfersTestBootsAndConfirms_andTheCollarRunsTheNewVersion() throws Exception {
        joined();
        SignedImage image = bench.image(8 * 1024);

        FlashStart start = flash.start(EUI, image);
        bench.runUntil(this::done);

        assertInstanceOf(FlashStart.Started.class, start);
        FlashStatus status = flash.status(EUI).orElseThrow();
        assertEquals(Optional.of(UpdateOutcome.Updated.of(NEW)), status.outcome());
        assertEquals(image.size(), status.progress().ackedBytes());
        assertEquals(NEW, bench.collarFirmware());
        Instant later = bench.clock().instant().plusSeconds(30);
        bench.runUntil(() -> !bench.clock().instant().isBefore(later));
        assertEquals(SimulatedCollar.State.JOINED, bench.collarState());
        assertEquals(Optional.of(NEW), bench.registry().collars().get(0).firmware(),
                "the collar table shows the new version");
        assertTrue(SqliteProgressStore.of(bench.db()).all().isEmpty(), "a finished update leaves no progress behind");
    }

    @Test
    void flash_interruptedByALostLink_resumesFromWhereTheCollarStopped() throws Exception {
        joined();
        SignedImage image = bench.image(24 * 1024);
        flash.start(EUI, image);
        bench.runUntil(() -> flash.status(EUI).orElseThrow().progress().ackedBytes() >= 10_000);

        bench.linkUp(false);
        bench.runUntil(this::done);
        UpdateOutcome lost = flash.status(EUI).orElseThrow().outcome().orElseThrow();
        assertInstanceOf(UpdateOutcome.Failed.class, lost);
        assertTrue(((UpdateOutcome.Failed) lost).resumable(), lost.toString());

        bench.linkUp(true);
        int before = bench.downlinksDelivered();
        FlashStart again = flash.start(EUI, image);
        bench.runUntil(this::done);

        assertTrue(((FlashStart.Started) again).status().resumedFrom() >= 8192, again.toString());
        assertEquals(Optional.of(UpdateOutcome.Updated.of(NEW)), flash.status(EUI).orElseThrow().outcome());
        int chunksOfWholeImage = (int) Math.ceil(image.size() / 192.0);
        int sent = bench.downlinksDelivered() - before;
        assertTrue(sent < chunksOfWholeImage * 3 / 4, "resumed, not sent again from the start: " + sent + " downlinks");
    }

    @Test
    void flash_imageSignedByAnotherVendor_isRejectedByTheCollar() throws Exception {
        joined();

        flash.start(EUI, CollarBench.image(4096, ImageSigner.generateKeyPair()));
        bench.runUntil(this::done);

        assertEquals(Optional.of(UpdateOutcome.Rejected.of(FirmwareReply.Reason.BAD_SIGNATURE)),
                flash.status(EUI).orElseThrow().outcome());
    }

    @Test
    void check_releaseFileOfAnotherVendor_isRefusedBeforeAByteIsSent() throws Exception {
        Path file = dir.resolve("fw.hgfw");
        KeyPair other = ImageSigner.generateKeyPair();
        SignedImageFile.write(CollarBench.image(4096, other), file);

        ImageFileException e = assertThrows(ImageFileException.class, () -> flash.check(Files.readAllBytes(file)));

        assertTrue(e.getMessage().startsWith("firmware image: signature does not verify with vendor key"), e.getMessage());
        SignedImageFile.write(bench.image(4096), file);
        assertEquals(NEW, flash.check(Files.readAllBytes(file)).manifest().version());
    }

    @Test
    void flash_collarNotJoined_isUnreachable_andLeavesNoProgress() {
        FlashStart start = flash.start(EUI, bench.image(4096));

        assertInstanceOf(FlashStart.Unreachable.class, start);
        assertTrue(flash.status(EUI).isEmpty());
        assertTrue(SqliteProgressStore.of(bench.db()).all().isEmpty());
    }

    @Test
    void flash_sameImageWhileRunning_attaches_anotherImage_isBusy() throws Exception {
        joined();
        SignedImage image = bench.image(8192);
        flash.start(EUI, image);

        assertInstanceOf(FlashStart.AlreadyRunning.class, flash.start(EUI, image));
        assertInstanceOf(FlashStart.Busy.class, flash.start(EUI, bench.image(4096)));
        bench.runUntil(this::done);
    }
}
