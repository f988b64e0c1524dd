package io.herdgate.gateway.store;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.message.FirmwareVersion;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the gateway knows about one collar. {@link #toString()} shows no key ({@link AesKey} is redacted).
 *
 * @param eui       the collar
 * @param rootKey   its root key, needed to answer joins
 * @param firmware  firmware version last reported
 * @param batteryMv battery voltage last reported, millivolts, ≥ 0
 * @param lastSeen  when a frame from it was last accepted
 * @param rssiDbm   signal strength of that frame, dBm
 * @param use       on a cow, spare or retired
 */
public record CollarRecord(CollarEui eui, AesKey rootKey, Optional<FirmwareVersion> firmware, OptionalInt batteryMv,
                           Optional<Instant> lastSeen, OptionalInt rssiDbm, CollarUse use) {

    public CollarRecord {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(rootKey, "rootKey");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(batteryMv, "batteryMv");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(rssiDbm, "rssiDbm");
        Objects.requireNonNull(use, "use");
        if (batteryMv.isPresent() && batteryMv.getAsInt() < 0) {
            throw new IllegalArgumentException("batteryMv must be >= 0: " + batteryMv.getAsInt());
        }
    }

    /** A collar just registered from its label: spare, nothing reported yet. */
    public static CollarRecord of(CollarEui eui, AesKey rootKey) {
        return new CollarRecord(eui, rootKey, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), CollarUse.SPARE);
    }

    /** This record after a frame was accepted at {@code at} with the given signal and battery readings. */
    public CollarRecord seen(Instant at, OptionalInt rssi, OptionalInt battery) {
        return new CollarRecord(eui, rootKey, firmware, battery.isPresent() ? battery : batteryMv, Optional.of(at),
                rssi.isPresent() ? rssi : rssiDbm, use);
    }

    public CollarRecord withFirmware(FirmwareVersion v) {
        return new CollarRecord(eui, rootKey, Optional.of(v), batteryMv, lastSeen, rssiDbm, use);
    }

    public CollarRecord withUse(CollarUse u) {
        return new CollarRecord(eui, rootKey, firmware, batteryMv, lastSeen, rssiDbm, u);
    }
}
