package io.herdgate.sim.collar;

import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.SimulatedFlash;
import io.herdgate.protocol.firmware.VendorKey;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdatableFirmwareTest {

    private static final int HARDWARE = 3;
    private static final FirmwareVersion FACTORY = FirmwareVersion.of(1, 0, 0);
    private static final FirmwareVersion NEW = FirmwareVersion.of(1, 1, 0);
    private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");

    private final KeyPair vendor = ImageSigner.generateKeyPair();
    private final SimulatedFlash flash = SimulatedFlash.of(16 * 1024, FACTORY);
    private final FirmwareAgent agent = FirmwareAgent.updatable(flash, VendorKey.of(vendor.getPublic()), HARDWARE);
    private final SignedImage image = signedImage();

    private SignedImage signedImage() {
        byte[] bytes = new byte[2_000];
        new Random(1).nextBytes(bytes);
        return ImageSigner.of(vendor.getPrivate()).sign(bytes, NEW, HARDWARE);
    }

    private void download() {
        assertInstanceOf(FirmwareReply.NextOffset.class, agent.handle(image.begin(), NOW).replies().get(0));
        FirmwareReply last = null;
        for (long off = 0; off < image.size(); off += 192) {
            last = agent.handle(image.chunk(off, 192), NOW).replies().get(0);
        }
        assertInstanceOf(FirmwareReply.Verified.class, last);
    }

    @Test
    void testBoot_reportsARebootIntoTheTrialVersion() {
        download();
        FirmwareAgent.Response r = agent.handle(FirmwareCommand.TestBoot.of(image.image()), NOW);
        assertTrue(r.rebooted());
        assertEquals(NEW, agent.running());
        FirmwareAgent.Response again = agent.handle(FirmwareCommand.TestBoot.of(image.image()), NOW);
        assertFalse(again.rebooted(), "a repeated test boot only reports the state");
    }

    @Test
    void resetBeforeConfirm_revertsToTheFactoryVersion() {
        download();
        agent.handle(FirmwareCommand.TestBoot.of(image.image()), NOW);
        agent.reset();
        assertEquals(FACTORY, agent.running());
    }

    @Test
    void confirmedImage_survivesAReset() {
        download();
        agent.handle(FirmwareCommand.TestBoot.of(image.image()), NOW);
        assertInstanceOf(FirmwareReply.Confirmed.class,
                agent.handle(FirmwareCommand.Confirm.of(image.image()), NOW).replies().get(0));
        agent.reset();
        assertEquals(NEW, agent.running());
    }
}
