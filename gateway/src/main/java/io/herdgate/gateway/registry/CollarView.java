package io.herdgate.gateway.registry;

import io.herdgate.gateway.store.CollarUse;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the installer's collar table; holds no key.
 *
 * @param eui       the collar
 * @param cow       the cow wearing it, empty for a spare or retired collar
 * @param batteryMv battery last reported, millivolts
 * @param rssiDbm   signal strength of the last frame, dBm
 * @param lastSeen  when a frame from it was last accepted (saved at most once a minute)
 * @param firmware  firmware version last reported
 * @param use       active, spare or retired
 */
public record CollarView(CollarEui eui, Optional<CowId> cow, OptionalInt batteryMv, OptionalInt rssiDbm,
                         Optional<Instant> lastSeen, Optional<FirmwareVersion> firmware, CollarUse use) {

    public CollarView {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(batteryMv, "batteryMv");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(use, "use");
    }

    public static CollarView of(CollarEui eui, Optional<CowId> cow, OptionalInt batteryMv, OptionalInt rssiDbm,
                                Optional<Instant> lastSeen, Optional<FirmwareVersion> firmware, CollarUse use) {
        return new CollarView(eui, cow, batteryMv, rssiDbm, lastSeen, firmware, use);
    }
}
