package io.herdgate.protocol.firmware;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.ImageId;

/**
 * How far an update of one image on one collar got: what a progress bar shows and what
 * {@link ProgressStore} keeps across gateway restarts.
 *
 * @param collar     the collar being updated
 * @param image      the image being sent
 * @param phase      the gateway's phase
 * @param ackedBytes bytes the collar confirmed holding, 0..totalBytes
 * @param totalBytes image size in bytes, at least 1
 */
public record UpdateProgress(CollarEui collar, ImageId image, UpdatePhase phase, long ackedBytes, long totalBytes) {

    public UpdateProgress {
        if (totalBytes < 1 || ackedBytes < 0 || ackedBytes > totalBytes) {
            throw new IllegalArgumentException("acked " + ackedBytes + " of " + totalBytes + " bytes is impossible");
        }
    }

    public static UpdateProgress of(CollarEui collar, ImageId image, UpdatePhase phase, long ackedBytes,
                                    long totalBytes) {
        return new UpdateProgress(collar, image, phase, ackedBytes, totalBytes);
    }

    /** Acknowledged share of the image, 0.0..1.0. */
    public double fraction() {
        return (double) ackedBytes / totalBytes;
    }
}
