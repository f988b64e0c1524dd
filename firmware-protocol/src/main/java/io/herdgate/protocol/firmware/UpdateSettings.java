package io.herdgate.protocol.firmware;

import io.herdgate.protocol.message.FirmwareCommand;

import java.time.Duration;

/**
 * Tuning of {@link FirmwareUpdater}.
 *
 * @param chunkBytes      image bytes per chunk, 1..{@link FirmwareCommand.Chunk#MAX_DATA_BYTES}
 * @param windowChunks    chunks sent ahead of the collar's next expected offset, 1..64
 * @param replyTimeout    silence after which the updater resends (from the collar's next expected offset
 *                        while transferring), positive
 * @param maxRetries      resends without any progress before the update fails resumably, 0..1000
 */
public record UpdateSettings(int chunkBytes, int windowChunks, Duration replyTimeout, int maxRetries) {

    public UpdateSettings {
        if (chunkBytes < 1 || chunkBytes > FirmwareCommand.Chunk.MAX_DATA_BYTES) {
            throw new IllegalArgumentException("chunkBytes out of 1.." + FirmwareCommand.Chunk.MAX_DATA_BYTES + ": "
                    + chunkBytes);
        }
        if (windowChunks < 1 || windowChunks > 64) {
            throw new IllegalArgumentException("windowChunks out of 1..64: " + windowChunks);
        }
        if (replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("replyTimeout must be positive: " + replyTimeout);
        }
        if (maxRetries < 0 || maxRetries > 1000) {
            throw new IllegalArgumentException("maxRetries out of 0..1000: " + maxRetries);
        }
    }

    public static UpdateSettings of(int chunkBytes, int windowChunks, Duration replyTimeout, int maxRetries) {
        return new UpdateSettings(chunkBytes, windowChunks, replyTimeout, maxRetries);
    }

    /**
     * For a serial dongle: full chunks, 8 in flight, 2 s reply timeout, 5 retries. A collar in a barn
     * answers within a few hundred ms; 8 × 192 bytes keeps the radio busy without flooding its queue.
     */
    public static UpdateSettings defaults() {
        return of(FirmwareCommand.Chunk.MAX_DATA_BYTES, 8, Duration.ofSeconds(2), 5);
    }
}
