package io.herdgate.protocol.firmware;

import java.io.IOException;
import java.time.Duration;

/** Runs a {@link FirmwareUpdater} to its outcome on the calling thread, over a {@link ReplySource}. */
public final class UpdateLoop {

    private UpdateLoop() {
    }

    /**
     * Starts {@code updater} and feeds it replies and ticks until it has an outcome.
     *
     * @param tick longest wait for a reply between two timeout checks, positive (e.g. 50 ms)
     * @return the outcome; a failing link gives a resumable {@link UpdateOutcome.Failed}
     */
    public static UpdateOutcome run(FirmwareUpdater updater, ReplySource replies, Duration tick) {
        updater.start();
        while (!updater.done()) {
            try {
                replies.next(tick).ifPresent(updater::onReply);
            } catch (IOException e) {
                updater.onLinkLost("reading replies failed: " + e.getMessage());
            }
            updater.onTick();
        }
        return updater.outcome().orElseThrow();
    }
}
