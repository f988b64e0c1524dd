package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareReply.Reason;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.ImageId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.herdgate.protocol.firmware.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

class CollarFirmwareTest {

    private static final int CHUNK = 192;

    private final SimulatedFlash flash = flash();
    private CollarFirmware collar = CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE);
    private final SignedImage image = signed(10_000);
    private final ImageId id = image.image();

    private FirmwareReply send(FirmwareCommand c) {
        return collar.handle(c);
    }

    private FirmwareReply sendAll(SignedImage img) {
        FirmwareReply last = send(img.begin());
        for (long off = 0; off < img.size(); off += CHUNK) {
            last = send(img.chunk(off, CHUNK));
        }
        return last;
    }

    private void reset() {
        flash.restorePower();
        collar = CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE);
    }

    @Test
    void begin_signedImage_asksForOffsetZero() {
        assertEquals(FirmwareReply.NextOffset.of(id, 0), send(image.begin()));
    }

    @Test
    void chunks_inOrder_advanceTheNextOffsetAndVerifyAtTheEnd() {
        send(image.begin());
        assertEquals(FirmwareReply.NextOffset.of(id, CHUNK), send(image.chunk(0, CHUNK)));
        assertEquals(FirmwareReply.NextOffset.of(id, 2 * CHUNK), send(image.chunk(CHUNK, CHUNK)));
        FirmwareReply last = null;
        for (long off = 2 * CHUNK; off < image.size(); off += CHUNK) {
            last = send(image.chunk(off, CHUNK));
        }
        assertEquals(FirmwareReply.Verified.of(id), last);
        assertEquals(FirmwareReply.Verified.of(id), send(FirmwareCommand.Verify.of(id)));
        assertArrayEquals(image.bytes(), flash.read(1, 0, (int) image.size()));
    }

    @Test
    void chunk_duplicateOrAhead_isNotWrittenAndReportsTheNextOffset() {
        send(image.begin());
        send(image.chunk(0, CHUNK));
        long writes = flash.writes();
        assertEquals(FirmwareReply.NextOffset.of(id, CHUNK), send(image.chunk(0, CHUNK)));
        assertEquals(FirmwareReply.NextOffset.of(id, CHUNK), send(image.chunk(5 * CHUNK, CHUNK)));
        assertEquals(writes, flash.writes());
    }

    @Test
    void chunk_overlappingTheNextOffset_writesOnlyTheNewPart() {
        send(image.begin());
        send(image.chunk(0, 100));
        assertEquals(FirmwareReply.NextOffset.of(id, 200), send(image.chunk(50, 150)));
        assertArrayEquals(Arrays.copyOf(image.bytes(), 200), flash.read(1, 0, 200));
    }

    @Test
    void chunk_pastTheImageEnd_isRejected() {
        send(image.begin());
        assertEquals(FirmwareReply.Rejected.of(id, Reason.BAD_OFFSET),
                send(FirmwareCommand.Chunk.of(id, image.size() - 1, new byte[2])));
    }

    @Test
    void begin_unsigned_isRejectedAndNothingIsWritten() {
        SignedImage forged = SignedImage.of(image.manifest(), new byte[64], image.bytes());
        assertEquals(FirmwareReply.Rejected.of(id, Reason.BAD_SIGNATURE), send(forged.begin()));
        assertEquals(0, flash.writes());
        assertEquals(FirmwareReply.Rejected.of(id, Reason.NO_UPDATE_IN_PROGRESS), send(forged.chunk(0, CHUNK)));
    }

    @Test
    void begin_signedByAStranger_isRejected() {
        SignedImage other = ImageSigner.of(STRANGER.getPrivate()).sign(image.bytes(), NEW, HARDWARE);
        assertEquals(FirmwareReply.Rejected.of(id, Reason.BAD_SIGNATURE), send(other.begin()));
    }

    @Test
    void verify_bytesDifferingFromTheSignedHash_areRejectedAndDropped() {
        byte[] tampered = image.bytes();
        tampered[1234] ^= 0x40;
        SignedImage evil = SignedImage.of(image.manifest(), image.signature(), tampered);
        assertEquals(FirmwareReply.Rejected.of(id, Reason.HASH_MISMATCH), sendAll(evil));
        assertEquals(FirmwareReply.Rejected.of(id, Reason.NO_UPDATE_IN_PROGRESS), send(FirmwareCommand.TestBoot.of(id)));
        assertEquals(FACTORY, collar.runningVersion());
    }

    @Test
    void begin_otherHardware_isRejected() {
        SignedImage other = SIGNER.sign(image.bytes(), NEW, HARDWARE + 1);
        assertEquals(FirmwareReply.Rejected.of(other.image(), Reason.WRONG_HARDWARE), send(other.begin()));
    }

    @Test
    void begin_largerThanTheSlot_isRejected() {
        SignedImage big = SIGNER.sign(new byte[flash.slotBytes() + 1], NEW, HARDWARE);
        assertEquals(FirmwareReply.Rejected.of(big.image(), Reason.TOO_LARGE), send(big.begin()));
    }

    @Test
    void begin_olderVersion_isRejectedAsDowngrade() {
        SimulatedFlash newer = SimulatedFlash.of(64 * 1024, FirmwareVersion.of(2, 0, 0));
        CollarFirmware c = CollarFirmware.boot(newer, VENDOR_KEY, HARDWARE);
        assertEquals(FirmwareReply.Rejected.of(id, Reason.DOWNGRADE), c.handle(image.begin()));
    }

    @Test
    void begin_sameImageAgain_resumesAtTheNextOffset() {
        send(image.begin());
        send(image.chunk(0, CHUNK));
        send(image.chunk(CHUNK, CHUNK));
        assertEquals(FirmwareReply.NextOffset.of(id, 2 * CHUNK), send(image.begin()));
    }

    @Test
    void begin_anotherImage_replacesAnAbandonedDownload() {
        send(image.begin());
        send(image.chunk(0, CHUNK));
        SignedImage other = signed(5000);
        assertEquals(FirmwareReply.NextOffset.of(other.image(), 0), send(other.begin()));
        assertEquals(FirmwareReply.Rejected.of(id, Reason.WRONG_IMAGE), send(image.chunk(CHUNK, CHUNK)));
    }

    @Test
    void testBoot_beforeVerify_isRejected() {
        send(image.begin());
        assertEquals(FirmwareReply.Rejected.of(id, Reason.NOT_VERIFIED), send(FirmwareCommand.TestBoot.of(id)));
    }

    @Test
    void testBootThenConfirm_makesTheNewImagePermanent() {
        sendAll(image);
        assertEquals(FirmwareReply.Booted.of(id, NEW), send(FirmwareCommand.TestBoot.of(id)));
        assertTrue(collar.onTrial());
        assertEquals(NEW, collar.runningVersion());
        assertEquals(1, collar.restarts());
        assertEquals(FirmwareReply.Booted.of(id, NEW), send(FirmwareCommand.TestBoot.of(id)), "retry is harmless");
        assertEquals(1, collar.restarts(), "a retried test boot does not restart again");
        assertEquals(FirmwareReply.Confirmed.of(id, NEW), send(FirmwareCommand.Confirm.of(id)));
        assertEquals(FirmwareReply.Confirmed.of(id, NEW), send(FirmwareCommand.Confirm.of(id)), "retry is harmless");
        reset();
        assertEquals(NEW, collar.runningVersion());
        assertFalse(collar.onTrial());
        assertEquals(FirmwareReply.Confirmed.of(id, NEW), send(image.begin()), "a resumed update learns it is done");
    }

    @Test
    void confirm_beforeTestBoot_isRejected() {
        sendAll(image);
        assertEquals(FirmwareReply.Rejected.of(id, Reason.NOT_BOOTED), send(FirmwareCommand.Confirm.of(id)));
    }

    @Test
    void reset_duringTestBoot_revertsAndReportsIt() {
        sendAll(image);
        send(FirmwareCommand.TestBoot.of(id));
        reset();
        assertEquals(FACTORY, collar.runningVersion());
        assertFalse(collar.onTrial());
        assertEquals(FirmwareReply.Reverted.of(id, FACTORY), send(FirmwareCommand.Confirm.of(id)));
        assertEquals(FirmwareReply.Reverted.of(id, FACTORY), send(FirmwareCommand.StatusQuery.of(id)));
    }

    @Test
    void abort_whileReceiving_dropsTheImage() {
        send(image.begin());
        send(image.chunk(0, CHUNK));
        assertEquals(FirmwareReply.Aborted.of(id), send(FirmwareCommand.Abort.of(id)));
        assertEquals(FirmwareReply.Rejected.of(id, Reason.NO_UPDATE_IN_PROGRESS), send(FirmwareCommand.StatusQuery.of(id)));
        assertEquals(FirmwareReply.Aborted.of(id), send(FirmwareCommand.Abort.of(id)), "retry is harmless");
    }

    @Test
    void abort_duringTrial_revertsToTheOldImage() {
        sendAll(image);
        send(FirmwareCommand.TestBoot.of(id));
        assertEquals(FirmwareReply.Reverted.of(id, FACTORY), send(FirmwareCommand.Abort.of(id)));
        assertEquals(FACTORY, collar.runningVersion());
        assertEquals(2, collar.restarts(), "into the trial, then back");
    }

    @Test
    void begin_anotherImageDuringTrial_isRejected() {
        sendAll(image);
        send(FirmwareCommand.TestBoot.of(id));
        SignedImage other = signed(5000);
        assertEquals(FirmwareReply.Rejected.of(other.image(), Reason.WRONG_IMAGE), send(other.begin()));
    }

    @Test
    void commands_withoutUpdate_areRejectedAsNoUpdateInProgress() {
        for (FirmwareCommand c : new FirmwareCommand[] {image.chunk(0, CHUNK), FirmwareCommand.Verify.of(id),
                FirmwareCommand.TestBoot.of(id), FirmwareCommand.Confirm.of(id), FirmwareCommand.StatusQuery.of(id)}) {
            assertEquals(FirmwareReply.Rejected.of(id, Reason.NO_UPDATE_IN_PROGRESS), send(c), c.toString());
        }
    }

    @Test
    void powerLoss_atEveryFlashWrite_neverBricksAndTheUpdateCompletesOnRetry() {
        // Count the flash changes of a clean update, then cut the power before each one in turn.
        SimulatedFlash probe = flash();
        CollarFirmware c = CollarFirmware.boot(probe, VENDOR_KEY, HARDWARE);
        runUpdate(probe, c, image);
        long total = probe.writes();
        for (int cut = 0; cut < total; cut++) {
            SimulatedFlash f = flash();
            f.cutPowerAfterWrites(cut);
            runUpdate(f, CollarFirmware.boot(f, VENDOR_KEY, HARDWARE), image);
            f.restorePower();
            CollarFirmware rebooted = CollarFirmware.boot(f, VENDOR_KEY, HARDWARE);
            FirmwareVersion running = rebooted.runningVersion();
            assertTrue(running.equals(FACTORY) || running.equals(NEW), "cut at " + cut + ": " + running);
            // A cut after the test boot was requested starts the trial at this boot; otherwise no trial runs.
            assertTrue(!rebooted.onTrial() || running.equals(NEW), "cut at " + cut);
            // The gateway retries from the start of its protocol; the collar must get to the new image.
            FirmwareReply end = runUpdate(f, rebooted, image);
            if (end instanceof FirmwareReply.Reverted) {
                end = runUpdate(f, rebooted, image); // the trial was cut: the gateway starts the update again
            }
            assertEquals(FirmwareReply.Confirmed.of(id, NEW), end, "cut at " + cut);
            assertEquals(NEW, CollarFirmware.boot(f, VENDOR_KEY, HARDWARE).runningVersion(), "cut at " + cut);
        }
    }

    /** What a gateway does: begin, chunks from the collar's next offset, test boot, confirm. */
    private static FirmwareReply runUpdate(SimulatedFlash f, CollarFirmware c, SignedImage img) {
        FirmwareReply r = c.handle(img.begin());
        while (r instanceof FirmwareReply.NextOffset n && !f.poweredOff()) {
            r = c.handle(img.chunk(n.nextOffset(), CHUNK));
        }
        if (r instanceof FirmwareReply.Verified && !f.poweredOff()) {
            r = c.handle(FirmwareCommand.TestBoot.of(img.image()));
        }
        if (r instanceof FirmwareReply.Booted && !f.poweredOff()) {
            r = c.handle(FirmwareCommand.Confirm.of(img.image()));
        }
        return r; // after a power cut the MCU is dead and this reply never leaves it
    }
}
