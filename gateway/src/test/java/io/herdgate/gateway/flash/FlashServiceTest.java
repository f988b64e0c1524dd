package io.herdgate.gateway.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.registry.CollarRegistry;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.gateway.store.SqliteProgressStore;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.firmware.ImageFileException;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.SignedImageFile;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.SimulatedFlash;
import io.herdgate.protocol.firmware.UpdateOutcome;
import io.herdgate.protocol.firmware.UpdateSettings;
import io.herdgate.protocol.firmware.VendorKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.collar.CollarIdentity;
import io.herdgate.sim.collar.FirmwareAgent;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in one process: the flash service drives a simulated collar (the protocol's collar-side
 * update state machine over simulated flash) through the frame pipeline and the live registry, on a
 * real SQLite store.
 */
class FlashServiceTest {

    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    static final CollarEui EUI = CollarEui.parse("70B3D5499A000001");
    static final AesKey ROOT = AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c");
    static final int HARDWARE = 3;
    static final FirmwareVersion OLD = FirmwareVersion.of(1, 0, 0);
    static final FirmwareVersion NEW = FirmwareVersion.of(1, 1, 0);

    @TempDir
    Path dir;
    Database db;
    final ManualClock clock = ManualClock.of(T0);
    final KeyPair vendor = ImageSigner.generateKeyPair();
    final ConcurrentLinkedQueue<byte[]> downlinks = new ConcurrentLinkedQueue<>();
    final List<byte[]> uplinks = new ArrayList<>();
    FramePipeline pipeline;
    FlashService flash;
    SimulatedCollar collar;
    FirmwareAgent agent;
    CollarRegistry registry;
    boolean linkUp = true;
    int downlinksDelivered;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("herdgate.db"));
        registry = CollarRegistry.open(db, clock);
        registry.pair(EUI, Optional.of(ROOT), CowId.of("17"));
        flash = FlashService.of((eui, m) -> pipeline.send(eui, m), SqliteProgressStore.of(db), clock,
                FlashSettings.of(VendorKey.of(vendor.getPublic()), UpdateSettings.of(192, 8, Duration.ofSeconds(2), 2)));
        pipeline = FramePipeline.builder(registry,
                        JoinServer.of(0x484700, registry, SqliteCounterStore.of(db), clock, new SplittableRandom(1)),
                        SqliteCounterStore.of(db))
                .downlinks((eui, frame) -> downlinks.add(frame))
                .firmwareReplies(flash)
                .sightings(registry::seen)
                .build();
        agent = FirmwareAgent.updatable(SimulatedFlash.of(64 * 1024, OLD), VendorKey.of(vendor.getPublic()), HARDWARE);
        CowMotion cow = CowMotion.of(CowTraits.random(3), T0, ZoneOffset.UTC, List.of());
        collar = SimulatedCollar.builder(CollarIdentity.of(EUI, ROOT), cow, InMemoryCounterStore.create(), uplinks::add)
                .firmware(agent)
                .build();
    }

    @AfterEach
    void close() {
        flash.close();
        db.close();
    }

    private SignedImage image(int bytes, KeyPair signer) {
        byte[] b = new byte[bytes];
        new Random(bytes).nextBytes(b);
        return ImageSigner.of(signer.getPrivate()).sign(b, NEW, HARDWARE);
    }

    /** Runs collar and gateway in 100-ms steps of simulated time until {@code until} holds (at most an hour). */
    private void runUntil(Predicate<FlashServiceTest> until) throws InterruptedException {
        Instant end = clock.instant().plus(Duration.ofHours(1));
        while (!until.test(this) && clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMillis(100));
            collar.advanceTo(clock.instant());
            for (byte[] f : List.copyOf(uplinks)) {
                pipeline.accept(InboundFrame.of(f, clock.instant()));
            }
            uplinks.clear();
            for (byte[] f = downlinks.poll(); f != null; f = downlinks.poll()) {
                if (linkUp) {
                    collar.receive(f);
                    downlinksDelivered++;
                }
            }
            Thread.sleep(1); // lets the update thread answer before simulated time runs on
        }
    }

    private boolean done() {
        return flash.status(EUI).map(FlashStatus::done).orElse(false);
    }

    private void joined() throws InterruptedException {
        runUntil(t -> collar.state() == SimulatedCollar.State.JOINED);
    }

    @Test
    void flash_joinedCollar_transfersTestBootsAndConfirms_andTheCollarRunsTheNewVersion() throws Exception {
        joined();
        SignedImage image = image(8 * 1024, vendor);

        FlashStart start = flash.start(EUI, image);
        runUntil(FlashServiceTest::done);

        assertInstanceOf(FlashStart.Started.class, start);
        FlashStatus status = flash.status(EUI).orElseThrow();
        assertEquals(Optional.of(UpdateOutcome.Updated.of(NEW)), status.outcome());
        assertEquals(image.size(), status.progress().ackedBytes());
        assertEquals(NEW, agent.running());
        Instant later = clock.instant().plusSeconds(30);
        runUntil(t -> !clock.instant().isBefore(later));
        assertEquals(SimulatedCollar.State.JOINED, collar.state());
        assertEquals(Optional.of(NEW), registry.collars().get(0).firmware(), "the collar table shows the new version");
        assertTrue(SqliteProgressStore.of(db).all().isEmpty(), "a finished update leaves no progress behind");
    }

    @Test
    void flash_interruptedByALostLink_resumesFromWhereTheCollarStopped() throws Exception {
        joined();
        SignedImage image = image(24 * 1024, vendor);
        flash.start(EUI, image);
        runUntil(t -> flash.status(EUI).orElseThrow().progress().ackedBytes() >= 10_000);

        linkUp = false;
        runUntil(FlashServiceTest::done);
        UpdateOutcome lost = flash.status(EUI).orElseThrow().outcome().orElseThrow();
        assertInstanceOf(UpdateOutcome.Failed.class, lost);
        assertTrue(((UpdateOutcome.Failed) lost).resumable(), lost.toString());

        linkUp = true;
        downlinksDelivered = 0;
        FlashStart again = flash.start(EUI, image);
        runUntil(FlashServiceTest::done);

        FlashStatus status = flash.status(EUI).orElseThrow();
        assertTrue(((FlashStart.Started) again).status().resumedFrom() >= 8192, again.toString());
        assertEquals(Optional.of(UpdateOutcome.Updated.of(NEW)), status.outcome());
        int chunksOfWholeImage = (int) Math.ceil(image.size() / 192.0);
        assertTrue(downlinksDelivered < chunksOfWholeImage * 3 / 4,
                "resumed, not sent again from the start: " + downlinksDelivered + " downlinks");
    }

    @Test
    void flash_imageSignedByAnotherVendor_isRejectedByTheCollar() throws Exception {
        joined();

        flash.start(EUI, image(4096, ImageSigner.generateKeyPair()));
        runUntil(FlashServiceTest::done);

        assertEquals(Optional.of(UpdateOutcome.Rejected.of(FirmwareReply.Reason.BAD_SIGNATURE)),
                flash.status(EUI).orElseThrow().outcome());
    }

    @Test
    void check_releaseFileOfAnotherVendor_isRefusedBeforeAByteIsSent() throws Exception {
        Path file = dir.resolve("fw.hgfw");
        SignedImageFile.write(image(4096, ImageSigner.generateKeyPair()), file);

        ImageFileException e = assertThrows(ImageFileException.class, () -> flash.check(Files.readAllBytes(file)));

        assertEquals("firmware image: signature does not verify with vendor key " + VendorKey.of(vendor.getPublic()),
                e.getMessage());
        SignedImageFile.write(image(4096, vendor), file);
        assertEquals(NEW, flash.check(Files.readAllBytes(file)).manifest().version());
    }

    @Test
    void flash_collarNotJoined_isUnreachable_andLeavesNoProgress() {
        FlashStart start = flash.start(EUI, image(4096, vendor));

        assertInstanceOf(FlashStart.Unreachable.class, start);
        assertTrue(flash.status(EUI).isEmpty());
        assertTrue(SqliteProgressStore.of(db).all().isEmpty());
    }

    @Test
    void flash_sameImageWhileRunning_attaches_anotherImage_isBusy() throws Exception {
        joined();
        SignedImage image = image(8192, vendor);
        flash.start(EUI, image);

        assertInstanceOf(FlashStart.AlreadyRunning.class, flash.start(EUI, image));
        assertInstanceOf(FlashStart.Busy.class, flash.start(EUI, image(4096, vendor)));
        runUntil(FlashServiceTest::done);
    }
}
