package io.herdgate.gateway.flash;

import io.herdgate.protocol.firmware.UpdateOutcome;
import io.herdgate.protocol.firmware.UpdateProgress;
import io.herdgate.protocol.message.FirmwareVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * One collar's firmware update as the installer follows it; immutable.
 *
 * @param progress    phase and bytes the collar confirmed holding
 * @param version     version of the image being sent
 * @param resumedFrom bytes the collar held when an earlier, interrupted update of this image was saved
 *                    (0 for a fresh start); the collar's own answer to Begin decides what is sent again
 * @param outcome     how it ended, empty while it runs
 */
public record FlashStatus(UpdateProgress progress, FirmwareVersion version, long resumedFrom,
                          Optional<UpdateOutcome> outcome) {

    public FlashStatus {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static FlashStatus of(UpdateProgress progress, FirmwareVersion version, long resumedFrom,
                                 Optional<UpdateOutcome> outcome) {
        return new FlashStatus(progress, version, resumedFrom, outcome);
    }

    public boolean done() {
        return outcome.isPresent();
    }
}
