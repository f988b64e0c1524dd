package io.herdgate.gateway.store;

import io.herdgate.protocol.frame.CollarEui;
import java.util.Objects;

/**
 * What the gateway keeps durably of one collar's uplink session (table {@code frame_counter}): the last
 * frame counter accepted and how many uplink frames it accepted since the collar last joined. With
 * counters that rise by one per frame, {@code counter - first + 1 - frames} counters of the session were
 * never accepted (lost on air, or accepted within the write-behind interval before a power cut).
 *
 * @param eui     the collar
 * @param counter last accepted uplink counter, 0..2^32-1
 * @param frames  uplink frames accepted in the current session, ≥ 0
 */
public record UplinkTally(CollarEui eui, long counter, long frames) {

    public UplinkTally {
        Objects.requireNonNull(eui, "eui");
        if (frames < 0) {
            throw new IllegalArgumentException("frames < 0: " + frames);
        }
    }

    public static UplinkTally of(CollarEui eui, long counter, long frames) {
        return new UplinkTally(eui, counter, frames);
    }
}
