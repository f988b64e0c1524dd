package io.herdgate.protocol.firmware;

import io.herdgate.protocol.firmware.UpdateOutcome.Failed;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.ImageId;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The gateway side of updating one collar with one image: begin, chunks in a sliding window addressed by
 * offset, verify, test boot, confirm. It is a state machine driven from outside: {@link #start()} once,
 * then {@link #onReply} for each reply from the collar and {@link #onTick()} regularly (timeouts are read
 * from the injected {@link Clock}); {@link UpdateLoop} does that over a {@link ReplySource}.
 *
 * <p>The collar's next expected offset drives the transfer: the updater keeps the largest one seen, so
 * duplicated and reordered replies do no harm, and after three replies repeating the same offset (a lost
 * chunk) or a reply timeout it resends from that offset. A resumed update (new link, gateway restart)
 * starts with Begin, to which the collar answers where it stands, so bytes it holds are not sent again;
 * an update that reached test boot resumes with the test-boot or confirm command instead, so a collar
 * that reverted in the meantime is reported as {@link UpdateOutcome.Reverted}, not flashed again.
 * Replies about another image are ignored. Not thread-safe: call it from one thread.
 */
public final class FirmwareUpdater {

    /** Repeats of one next-expected offset that mean a chunk was lost (as TCP's fast retransmit). */
    private static final int DUPLICATES_BEFORE_RESEND = 3;
    /** Progress is saved when the acknowledged bytes cross a multiple of this, and at phase changes. */
    private static final long SAVE_EVERY_BYTES = 4096;

    private final CollarEui collar;
    private final SignedImage image;
    private final CommandLink link;
    private final ProgressStore store;
    private final Clock clock;
    private final UpdateSettings settings;
    private final ProgressListener listener;

    private boolean started;
    private UpdatePhase phase = UpdatePhase.BEGIN;
    private long acked;
    private long sendNext;
    private int duplicates;
    private boolean resentSinceProgress;
    private int retries;
    private Instant deadline = Instant.MAX;
    private long chunkBytesSent;
    private Optional<UpdateOutcome> outcome = Optional.empty();

    private FirmwareUpdater(CollarEui collar, SignedImage image, CommandLink link, ProgressStore store, Clock clock,
                            UpdateSettings settings, ProgressListener listener) {
        this.collar = collar;
        this.image = image;
        this.link = link;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
    }

    /** An updater of {@code collar} with {@code image}; nothing is sent before {@link #start()}. */
    public static FirmwareUpdater of(CollarEui collar, SignedImage image, CommandLink link, ProgressStore store,
                                     Clock clock, UpdateSettings settings, ProgressListener listener) {
        return new FirmwareUpdater(collar, image, link, store, clock, settings, listener);
    }

    /** The image being sent. */
    public ImageId image() {
        return image.image();
    }

    /** The current phase. */
    public UpdatePhase phase() {
        return phase;
    }

    /** Bytes the collar confirmed holding. */
    public long ackedBytes() {
        return acked;
    }

    /** Image bytes sent in chunks by this updater so far, resends included. */
    public long chunkBytesSent() {
        return chunkBytesSent;
    }

    /** The outcome, once the update is over. */
    public Optional<UpdateOutcome> outcome() {
        return outcome;
    }

    /** True once there is an outcome. */
    public boolean done() {
        return outcome.isPresent();
    }

    /** Sends the first command: Begin, or the saved phase's command when resuming past the transfer. */
    public void start() {
        if (started) {
            throw new IllegalStateException("updater of " + image() + " already started");
        }
        started = true;
        // Only the phase is taken from the store: the collar's next expected offset is the truth for bytes.
        UpdatePhase resumeAt = store.load(collar, image()).map(UpdateProgress::phase)
                .filter(p -> p == UpdatePhase.TEST_BOOT || p == UpdatePhase.CONFIRM).orElse(UpdatePhase.BEGIN);
        if (resumeAt != UpdatePhase.BEGIN) {
            acked = image.size();
        }
        enter(resumeAt);
        sendPhaseCommand();
    }

    /** Handles one reply from the collar; replies about another image are ignored. */
    public void onReply(FirmwareReply reply) {
        if (done() || !reply.image().equals(image())) {
            return;
        }
        if (reply instanceof FirmwareReply.NextOffset n) {
            onNextOffset(n.nextOffset());
        } else if (reply instanceof FirmwareReply.Verified) {
            if (phase.compareTo(UpdatePhase.VERIFY) <= 0) {
                acknowledge(image.size());
                advanceTo(UpdatePhase.TEST_BOOT);
            }
        } else if (reply instanceof FirmwareReply.Booted) {
            if (phase.compareTo(UpdatePhase.TEST_BOOT) <= 0) {
                acknowledge(image.size());
                advanceTo(UpdatePhase.CONFIRM);
            }
        } else if (reply instanceof FirmwareReply.Confirmed c) {
            finish(UpdateOutcome.Updated.of(c.running()));
        } else if (reply instanceof FirmwareReply.Reverted r) {
            finish(UpdateOutcome.Reverted.of(r.running()));
        } else if (reply instanceof FirmwareReply.Rejected r) {
            finish(UpdateOutcome.Rejected.of(r.reason()));
        } else if (reply instanceof FirmwareReply.Aborted) {
            finish(Failed.of(Failed.Reason.ABORTED, "the collar dropped image " + image() + " on an abort", false));
        }
    }

    /** Checks the reply timeout: resends, or fails resumably once the retries are spent. */
    public void onTick() {
        if (done() || clock.instant().isBefore(deadline)) {
            return;
        }
        if (++retries > settings.maxRetries()) {
            fail(Failed.of(Failed.Reason.NO_REPLY, "no reply from collar " + collar + " in phase " + phase + " after "
                    + settings.maxRetries() + " retries of " + settings.replyTimeout().toMillis() + " ms", true));
            return;
        }
        if (phase == UpdatePhase.TRANSFER) {
            sendNext = acked; // go back to what the collar holds
        }
        sendPhaseCommand();
    }

    /** The link to the collar is gone: fails resumably, keeping the saved progress. */
    public void onLinkLost(String detail) {
        if (!done()) {
            fail(Failed.of(Failed.Reason.LINK_LOST, detail, true));
        }
    }

    private void onNextOffset(long next) {
        if (next > image.size()) {
            fail(Failed.of(Failed.Reason.PROTOCOL_ERROR, "collar " + collar + " expects offset " + next
                    + " of a " + image.size() + "-byte image", false));
            return;
        }
        if (phase.compareTo(UpdatePhase.TRANSFER) > 0) {
            return; // a late reply to a chunk
        }
        if (phase == UpdatePhase.BEGIN) {
            enter(UpdatePhase.TRANSFER);
        }
        if (next > acked) {
            acknowledge(next);
            sendNext = Math.max(sendNext, acked);
        } else if (next == acked && sendNext > acked && ++duplicates >= DUPLICATES_BEFORE_RESEND
                && !resentSinceProgress) {
            sendNext = acked; // the chunk at acked was lost; the ones after it were discarded
            resentSinceProgress = true;
        }
        if (acked == image.size()) {
            advanceTo(UpdatePhase.VERIFY);
        } else {
            pump();
        }
    }

    private void acknowledge(long next) {
        long before = acked;
        acked = next;
        duplicates = 0;
        resentSinceProgress = false;
        retries = 0;
        deadline = clock.instant().plus(settings.replyTimeout());
        if (before / SAVE_EVERY_BYTES != next / SAVE_EVERY_BYTES) {
            store.save(progress());
        }
        if (before != next) {
            listener.onProgress(progress());
        }
    }

    private void advanceTo(UpdatePhase next) {
        enter(next);
        retries = 0;
        sendPhaseCommand();
    }

    private void enter(UpdatePhase next) {
        phase = next;
        store.save(progress());
        listener.onProgress(progress());
    }

    private void sendPhaseCommand() {
        switch (phase) {
            case BEGIN -> send(image.begin());
            case TRANSFER -> pump();
            case VERIFY -> send(FirmwareCommand.Verify.of(image()));
            case TEST_BOOT -> send(FirmwareCommand.TestBoot.of(image()));
            case CONFIRM -> send(FirmwareCommand.Confirm.of(image()));
            case DONE -> { }
        }
        deadline = clock.instant().plus(settings.replyTimeout());
    }

    /** Sends chunks from {@code sendNext} up to a window past the collar's next expected offset. */
    private void pump() {
        long windowEnd = Math.min(image.size(), acked + (long) settings.windowChunks() * settings.chunkBytes());
        while (sendNext < windowEnd && !done()) {
            FirmwareCommand.Chunk chunk = image.chunk(sendNext, settings.chunkBytes());
            send(chunk);
            chunkBytesSent += chunk.end() - chunk.offset();
            sendNext = chunk.end();
        }
    }

    private void send(FirmwareCommand command) {
        try {
            link.send(command);
        } catch (IOException e) {
            onLinkLost("link to collar " + collar + " failed: " + e.getMessage());
        }
    }

    private void finish(UpdateOutcome o) {
        outcome = Optional.of(o);
        phase = UpdatePhase.DONE;
        store.remove(collar, image());
        listener.onProgress(progress());
    }

    private void fail(Failed failed) {
        if (!failed.resumable()) {
            finish(failed);
            return;
        }
        outcome = Optional.of(failed); // the saved progress stays for the resume
    }

    private UpdateProgress progress() {
        return UpdateProgress.of(collar, image(), phase, acked, image.size());
    }

    @Override
    public String toString() {
        return "FirmwareUpdater[collar=" + collar + ", image=" + image() + ", phase=" + phase + ", acked=" + acked
                + "/" + image.size() + "]";
    }
}
