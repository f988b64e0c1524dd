package io.herdgate.gateway.ingest;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareVersion;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fresh, authentic frame from a collar was accepted: what it says about the collar's health.
 *
 * @param eui       the collar
 * @param at        gateway time of reception
 * @param rssiDbm   signal strength of the frame in dBm, where the link measures it
 * @param batteryMv battery voltage in millivolts, when the frame was a status report
 * @param firmware  firmware version, when the frame was a join request or a status report
 */
public record CollarSighting(CollarEui eui, Instant at, OptionalInt rssiDbm, OptionalInt batteryMv,
                             Optional<FirmwareVersion> firmware) {

    public CollarSighting {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(batteryMv, "batteryMv");
        Objects.requireNonNull(firmware, "firmware");
    }

    public static CollarSighting of(CollarEui eui, Instant at, OptionalInt rssiDbm, OptionalInt batteryMv,
                                    Optional<FirmwareVersion> firmware) {
        return new CollarSighting(eui, at, rssiDbm, batteryMv, firmware);
    }
}
