package io.herdgate.protocol.firmware;

import io.herdgate.sim.herd.ManualClock;

import io.herdgate.protocol.firmware.UpdateOutcome.Failed;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareReply.Reason;
import io.herdgate.protocol.message.ImageId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static io.herdgate.protocol.firmware.TestImages.*;
import static org.junit.jupiter.api.Assertions.*;

class FirmwareUpdaterTest {

    private static final CollarEui EUI = CollarEui.parse("70B3D57ED0000042");
    private static final UpdateSettings SETTINGS = UpdateSettings.of(128, 8, Duration.ofSeconds(2), 4);
    private static final int SIZE = 20_000;

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-03-01T06:00:00Z"));
    private final SimulatedFlash flash = flash();
    private CollarFirmware collar = CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE);
    private final InMemoryProgressStore store = InMemoryProgressStore.create();
    private final SignedImage image = signed(SIZE);
    private final List<UpdateProgress> events = new ArrayList<>();
    private final List<FirmwareCommand> sent = new ArrayList<>();
    private final Deque<FirmwareReply> replies = new ArrayDeque<>();
    /** Commands the radio loses on the way to the collar. */
    private Predicate<FirmwareCommand> lost = c -> false;
    /** Commands the link fails on, as an unplugged dongle. */
    private Predicate<FirmwareCommand> broken = c -> false;

    private final CommandLink link = command -> {
        if (broken.test(command)) {
            throw new IOException("dongle unplugged");
        }
        sent.add(command);
        if (!lost.test(command)) {
            replies.add(collar.handle(command));
        }
    };

    private FirmwareUpdater updater(SignedImage img) {
        return FirmwareUpdater.of(EUI, img, link, store, clock, SETTINGS, events::add);
    }

    /** Delivers replies until none is left, then lets the reply timeout pass, until there is an outcome. */
    private UpdateOutcome run(FirmwareUpdater u) {
        u.start();
        while (!u.done()) {
            FirmwareReply r = replies.poll();
            if (r != null) {
                u.onReply(r);
            } else {
                clock.advance(SETTINGS.replyTimeout());
                u.onTick();
            }
        }
        return u.outcome().orElseThrow();
    }

    @Test
    void update_cleanLink_endsUpdatedWithEveryByteSentOnce() {
        FirmwareUpdater u = updater(image);
        assertEquals(UpdateOutcome.Updated.of(NEW), run(u));
        assertEquals(SIZE, u.chunkBytesSent());
        assertEquals(NEW, CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE).runningVersion());
        assertTrue(store.all().isEmpty(), "a finished update leaves nothing to resume");
        // The reply to the last chunk is the verification result, so no Verify command is needed.
        assertEquals(List.of("Begin", "Chunk", "TestBoot", "Confirm"),
                sent.stream().map(c -> c.getClass().getSimpleName()).distinct().toList());
    }

    @Test
    void update_cleanLink_reportsMonotonicProgressToTheFullSize() {
        run(updater(image));
        long last = 0;
        for (UpdateProgress p : events) {
            assertTrue(p.ackedBytes() >= last, "progress went back: " + events);
            last = p.ackedBytes();
            assertEquals(SIZE, p.totalBytes());
        }
        assertEquals(SIZE, last);
        assertEquals(UpdatePhase.DONE, events.get(events.size() - 1).phase());
    }

    @Test
    void update_lostChunks_areResentFromTheCollarsNextOffsetOnly() {
        Set<Long> lostOnce = new HashSet<>(List.of(1280L, 6400L, 12_800L));
        lost = c -> c instanceof FirmwareCommand.Chunk ch && lostOnce.remove(ch.offset());
        FirmwareUpdater u = updater(image);
        assertEquals(UpdateOutcome.Updated.of(NEW), run(u));
        long window = (long) SETTINGS.windowChunks() * SETTINGS.chunkBytes();
        assertTrue(u.chunkBytesSent() <= SIZE + 3 * window, "resent too much: " + u.chunkBytesSent());
    }

    @Test
    void update_lostLastChunkAndReplies_recoversByTimeout() {
        Set<Long> lostOnce = new HashSet<>(List.of((long) (SIZE / 128) * 128));
        lost = c -> c instanceof FirmwareCommand.Chunk ch && lostOnce.remove(ch.offset());
        assertEquals(UpdateOutcome.Updated.of(NEW), run(updater(image)));
    }

    @Test
    void update_duplicatedAndReorderedReplies_doNoHarm() {
        FirmwareUpdater u = updater(image);
        Random random = new Random(7);
        u.start();
        while (!u.done()) {
            List<FirmwareReply> batch = new ArrayList<>(replies);
            replies.clear();
            if (batch.isEmpty()) {
                clock.advance(SETTINGS.replyTimeout());
                u.onTick();
                continue;
            }
            batch.addAll(batch); // every reply twice
            Collections.shuffle(batch, random);
            batch.forEach(u::onReply);
        }
        assertEquals(UpdateOutcome.Updated.of(NEW), u.outcome().orElseThrow());
        assertTrue(u.chunkBytesSent() < 2L * SIZE, "sent " + u.chunkBytesSent());
    }

    @Test
    void reply_aboutAnotherImage_isIgnored() {
        FirmwareUpdater u = updater(image);
        u.start();
        u.onReply(FirmwareReply.Confirmed.of(ImageId.of(42), NEW));
        u.onReply(FirmwareReply.Rejected.of(ImageId.of(42), Reason.BAD_SIGNATURE));
        assertFalse(u.done());
        assertEquals(UpdatePhase.BEGIN, u.phase());
    }

    @Test
    void update_badSignature_isRejectedAndTheOldImageKeepsRunning() {
        SignedImage forged = SignedImage.of(image.manifest(), new byte[64], image.bytes());
        FirmwareUpdater u = updater(forged);
        assertEquals(UpdateOutcome.Rejected.of(Reason.BAD_SIGNATURE), run(u));
        assertEquals(0, u.chunkBytesSent(), "no byte of an unsigned image is sent");
        assertEquals(FACTORY, collar.runningVersion());
    }

    @Test
    void update_bytesNotMatchingTheSignedHash_isRejected() {
        byte[] tampered = image.bytes();
        tampered[0] ^= 1;
        SignedImage evil = SignedImage.of(image.manifest(), image.signature(), tampered);
        assertEquals(UpdateOutcome.Rejected.of(Reason.HASH_MISMATCH), run(updater(evil)));
        assertEquals(FACTORY, CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE).runningVersion());
    }

    @Test
    void update_silentCollar_failsResumablyAfterTheRetries() {
        lost = c -> true;
        FirmwareUpdater u = updater(image);
        UpdateOutcome o = run(u);
        Failed f = assertInstanceOf(Failed.class, o);
        assertEquals(Failed.Reason.NO_REPLY, f.reason());
        assertTrue(f.resumable());
        assertEquals(1 + SETTINGS.maxRetries(), sent.size(), "Begin and its retries");
        assertTrue(store.load(EUI, image.image()).isPresent(), "progress kept for the resume");
    }

    @Test
    void update_linkLostHalfway_resumesFromTheCollarsNextOffset() {
        broken = c -> sent.size() > (SIZE / 2) / SETTINGS.chunkBytes();
        FirmwareUpdater first = updater(image);
        Failed f = assertInstanceOf(Failed.class, run(first));
        assertEquals(Failed.Reason.LINK_LOST, f.reason());
        assertTrue(f.resumable());
        long held = first.ackedBytes();
        assertTrue(held > SIZE / 4, "acked " + held);

        broken = c -> false;
        replies.clear();
        FirmwareUpdater second = updater(image);
        assertEquals(UpdateOutcome.Updated.of(NEW), run(second));
        assertTrue(second.chunkBytesSent() <= SIZE - held, "resent acknowledged bytes: " + second.chunkBytesSent());
        assertEquals(held, events.stream().filter(p -> p.phase() == UpdatePhase.TRANSFER).map(UpdateProgress::ackedBytes)
                .filter(a -> a >= held).findFirst().orElseThrow(), "the resumed progress starts at what the collar holds");
    }

    @Test
    void update_powerLossDuringTestBoot_isReportedReverted() {
        Set<String> once = new HashSet<>(Set.of("power loss"));
        lost = c -> {
            if (c instanceof FirmwareCommand.TestBoot && once.remove("power loss")) {
                collar.handle(c);
                collar = CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE); // the trial image dies before it answers
                return true;
            }
            return false;
        };
        assertEquals(UpdateOutcome.Reverted.of(FACTORY), run(updater(image)));
        assertEquals(FACTORY, collar.runningVersion());
    }

    @Test
    void resume_afterGatewayRestartDuringTrial_reportsTheRevertInsteadOfFlashingAgain() {
        broken = c -> c instanceof FirmwareCommand.Confirm;
        Failed f = assertInstanceOf(Failed.class, run(updater(image)));
        assertEquals(Failed.Reason.LINK_LOST, f.reason());
        assertEquals(UpdatePhase.CONFIRM, store.load(EUI, image.image()).orElseThrow().phase());

        collar = CollarFirmware.boot(flash, VENDOR_KEY, HARDWARE); // the collar resets before the confirm
        broken = c -> false;
        sent.clear();
        replies.clear();
        FirmwareUpdater second = updater(image);
        assertEquals(UpdateOutcome.Reverted.of(FACTORY), run(second));
        assertEquals(0, second.chunkBytesSent());
        assertInstanceOf(FirmwareCommand.Confirm.class, sent.get(0));
    }

    @Test
    void update_alreadyInstalled_endsUpdatedWithoutSendingChunks() {
        run(updater(image));
        FirmwareUpdater again = updater(image);
        assertEquals(UpdateOutcome.Updated.of(NEW), run(again));
        assertEquals(0, again.chunkBytesSent());
    }

    @Test
    void nextOffset_pastTheImage_failsAsProtocolError() {
        FirmwareUpdater u = updater(image);
        u.start();
        u.onReply(FirmwareReply.NextOffset.of(image.image(), SIZE + 1));
        Failed f = assertInstanceOf(Failed.class, u.outcome().orElseThrow());
        assertEquals(Failed.Reason.PROTOCOL_ERROR, f.reason());
        assertFalse(f.resumable());
    }

    @Test
    void start_twice_isAnError() {
        FirmwareUpdater u = updater(image);
        u.start();
        assertThrows(IllegalStateException.class, u::start);
    }
}
