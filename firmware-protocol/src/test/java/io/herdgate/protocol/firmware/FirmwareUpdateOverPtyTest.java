package io.herdgate.protocol.firmware;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.firmware.UpdateOutcome.Failed;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.InMemoryCounterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.herdgate.protocol.firmware.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A whole update end to end over a real pty pair made by socat: the updater on the gateway end, the
 * dongle and a simulated collar on the other, every command and reply a session frame (MIC, counters,
 * encryption) in a COBS/CRC-32C serial record.
 */
@Timeout(60)
class FirmwareUpdateOverPtyTest {

    private static final int SIZE = 64 * 1024;
    /** A generous reply timeout, so a loaded CI machine causes no spurious resend. */
    private static final UpdateSettings SETTINGS = UpdateSettings.of(192, 8, Duration.ofSeconds(3), 5);
    private static final Duration TICK = Duration.ofMillis(20);

    @TempDir
    Path progressDir;

    private final CollarSession gatewaySession = CollarSession.gatewaySide(Samples.EUI, Samples.KEYS,
            InMemoryCounterStore.create());
    private final SimulatedFlash flash = flash();
    private final PtyCollar collar = new PtyCollar(flash, CollarSession.collarSide(Samples.EUI, Samples.KEYS,
            InMemoryCounterStore.create()));
    private final SignedImage image = signed(SIZE);
    private final List<AutoCloseable> open = new ArrayList<>();
    private ProgressStore store;

    @BeforeEach
    void setUp() {
        store = FileProgressStore.in(progressDir);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        collar.close();
    }

    private PtyGatewayLink connect() throws Exception {
        SocatPtyPair pair = SocatPtyPair.start();
        open.add(0, pair);
        collar.attach(pair.collarEnd());
        PtyGatewayLink link = new PtyGatewayLink(pair.gatewayEnd(), gatewaySession);
        open.add(0, link);
        return link;
    }

    private FirmwareUpdater updater(SignedImage img, CommandLink link, ProgressListener listener) {
        return FirmwareUpdater.of(Samples.EUI, img, link, store, Clock.systemUTC(), SETTINGS, listener);
    }

    @Test
    void cleanUpdate_overTheSerialLink_runsTheNewImage() throws Exception {
        PtyGatewayLink link = connect();
        FirmwareUpdater u = updater(image, link, ProgressListener.none());
        assertEquals(UpdateOutcome.Updated.of(NEW), UpdateLoop.run(u, link, TICK));
        assertEquals(SIZE, u.chunkBytesSent(), "a clean link needs no resend");
        assertEquals(NEW, collar.firmware().runningVersion());
        assertArrayEquals(image.bytes(), flash.read(1, 0, SIZE));
        assertTrue(store.all().isEmpty());
    }

    @Test
    void linkCutHalfway_thenANewPtyPair_resumesFromTheCollarsNextOffset() throws Exception {
        PtyGatewayLink link = connect();
        SocatPtyPair firstPair = (SocatPtyPair) open.get(1);
        FirmwareUpdater first = updater(image, link, p -> {
            if (p.ackedBytes() >= SIZE / 2) {
                try {
                    firstPair.cut(); // the USB cable is pulled half-way
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Failed failed = assertInstanceOf(Failed.class, UpdateLoop.run(first, link, TICK));
        assertEquals(Failed.Reason.LINK_LOST, failed.reason());
        assertTrue(failed.resumable());
        long acked = first.ackedBytes();
        assertTrue(acked >= SIZE / 2 && acked < SIZE, "acked " + acked);
        assertTrue(store.all().size() == 1, "progress kept on disk for the resume");

        PtyGatewayLink again = connect();
        FirmwareUpdater second = updater(image, again, ProgressListener.none());
        assertEquals(UpdateOutcome.Updated.of(NEW), UpdateLoop.run(second, again, TICK));
        assertTrue(second.chunkBytesSent() <= SIZE - acked,
                "resent acknowledged bytes: sent " + second.chunkBytesSent() + " after " + acked + " were acknowledged");
        assertEquals(NEW, collar.firmware().runningVersion());
        assertArrayEquals(image.bytes(), flash.read(1, 0, SIZE));
    }

    @Test
    void badSignature_isRejectedAndTheOldImageKeepsRunning() throws Exception {
        PtyGatewayLink link = connect();
        SignedImage forged = ImageSigner.of(STRANGER.getPrivate()).sign(image.bytes(), NEW, HARDWARE);
        FirmwareUpdater u = updater(forged, link, ProgressListener.none());
        assertEquals(UpdateOutcome.Rejected.of(FirmwareReply.Reason.BAD_SIGNATURE), UpdateLoop.run(u, link, TICK));
        assertEquals(0, u.chunkBytesSent());
        assertEquals(FACTORY, collar.firmware().runningVersion());
    }

    @Test
    void powerLossDuringTestBoot_revertsAndTheUpdaterReportsReverted() throws Exception {
        PtyGatewayLink link = connect();
        collar.losePowerInTestBoot();
        FirmwareUpdater u = updater(image, link, ProgressListener.none());
        assertEquals(UpdateOutcome.Reverted.of(FACTORY), UpdateLoop.run(u, link, TICK));
        assertEquals(FACTORY, collar.firmware().runningVersion());
        assertFalse(collar.firmware().onTrial());
    }
}
