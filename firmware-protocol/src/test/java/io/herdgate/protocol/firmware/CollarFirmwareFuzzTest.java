package io.herdgate.protocol.firmware;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.herdgate.protocol.firmware.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Any sequence of firmware commands, resets and power cuts against one collar: the collar never throws,
 * never runs a wrongly signed or tampered image, and whenever it runs the new image confirmed, that slot
 * holds exactly the signed bytes. Runs seeded random sequences in every build, and under Jazzer (see
 * {@code firmware-protocol/FUZZING.md}).
 */
class CollarFirmwareFuzzTest {

    private static final int SIZE = 800;
    private static final FirmwareVersion FORGED_VERSION = FirmwareVersion.of(1, 2, 0);
    private static final FirmwareVersion TAMPERED_VERSION = FirmwareVersion.of(1, 3, 0);
    private static final SignedImage GOOD = SIGNER.sign(bytes(SIZE, 1), NEW, HARDWARE);
    private static final SignedImage FORGED = ImageSigner.of(STRANGER.getPrivate())
            .sign(bytes(SIZE, 2), FORGED_VERSION, HARDWARE);
    private static final SignedImage TAMPERED = tampered();
    private static final List<SignedImage> IMAGES = List.of(GOOD, FORGED, TAMPERED);

    /** Where the fuzzer's choices come from. */
    private interface Choices {
        /** 0..max inclusive. */
        int pick(int max);

        boolean more();
    }

    @FuzzTest(maxDuration = "1h")
    void anyCommandSequence_neverRunsABadImageNorThrows(FuzzedDataProvider data) {
        run(new Choices() {
            @Override
            public int pick(int max) {
                return data.consumeInt(0, max);
            }

            @Override
            public boolean more() {
                return data.remainingBytes() > 0;
            }
        });
    }

    @Test
    void seededRandomSequences_neverRunABadImageNorThrow() {
        int updated = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            int[] steps = {250};
            updated += run(new Choices() {
                @Override
                public int pick(int max) {
                    return r.nextInt(max + 1);
                }

                @Override
                public boolean more() {
                    return steps[0]-- > 0;
                }
            }) ? 1 : 0;
        }
        assertTrue(updated > 0, "no sequence got the new image running: the property was never exercised");
    }

    /** Runs one sequence; true if the collar ran the new image at some point. */
    private static boolean run(Choices c) {
        boolean ranNew = false;
        SimulatedFlash flash = flash();
        CollarFirmware collar = CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE);
        long[] next = new long[IMAGES.size()];
        while (c.more()) {
            int pickImage = c.pick(5);
            int which = pickImage <= 3 ? 0 : pickImage - 3; // mostly the good image, so updates get far
            SignedImage img = IMAGES.get(which);
            FirmwareCommand command = switch (c.pick(12)) {
                case 0 -> img.begin();
                // Mostly the chunk the collar asked for; sometimes anywhere, sometimes junk.
                case 1, 2, 3, 4, 5, 6 -> chunk(c, img, next[which]);
                case 7 -> FirmwareCommand.Verify.of(img.image());
                case 8 -> FirmwareCommand.TestBoot.of(img.image());
                case 9 -> FirmwareCommand.Confirm.of(img.image());
                case 10 -> FirmwareCommand.Abort.of(img.image());
                case 11 -> FirmwareCommand.StatusQuery.of(img.image());
                default -> null;
            };
            if (command == null) {
                flash.cutPowerAfterWrites(c.pick(3));
                collar.handle(chunk(c, img, next[which]));
                flash.restorePower();
                collar = CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE);
            } else {
                FirmwareReply reply = collar.handle(command);
                assertEquals(img.image(), reply.image(), "a reply names the command's image");
                if (reply instanceof FirmwareReply.NextOffset n) {
                    next[which] = n.nextOffset();
                }
            }
            check(flash, collar);
            ranNew |= collar.runningVersion().equals(NEW);
        }
        return ranNew;
    }

    private static FirmwareCommand chunk(Choices c, SignedImage img, long next) {
        boolean anywhere = c.pick(3) == 0;
        long offset = anywhere ? c.pick(SIZE - 1) : Math.min(next, SIZE - 1);
        int max = FirmwareCommand.Chunk.MAX_DATA_BYTES;
        FirmwareCommand.Chunk chunk = img.chunk(offset, anywhere ? 1 + c.pick(max - 1) : max);
        if (c.pick(15) == 0) {
            byte[] junk = chunk.data();
            junk[0] ^= 0x55;
            return FirmwareCommand.Chunk.of(chunk.image(), chunk.offset(), junk);
        }
        return chunk;
    }

    private static void check(SimulatedFlash flash, CollarFirmware collar) {
        FirmwareVersion running = collar.runningVersion();
        assertTrue(running.equals(FACTORY) || running.equals(NEW), "running " + running);
        BootRecord r = flash.bootRecord();
        if (running.equals(NEW)) {
            int slot = collar.onTrial() ? r.updateSlot() : r.activeSlot();
            assertArrayEquals(GOOD.bytes(), flash.read(slot, 0, SIZE), "the running slot holds the signed bytes");
        }
    }

    /** Correctly signed manifest, but one byte of the image differs from the signed hash. */
    private static SignedImage tampered() {
        SignedImage honest = SIGNER.sign(bytes(SIZE, 3), TAMPERED_VERSION, HARDWARE);
        byte[] b = honest.bytes();
        b[SIZE / 2] ^= 1;
        return SignedImage.of(honest.manifest(), honest.signature(), b);
    }
}
