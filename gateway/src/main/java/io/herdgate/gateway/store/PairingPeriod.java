package io.herdgate.gateway.store;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One collar worn by one cow over {@code [from, until)}, to the millisecond.
 *
 * @param until empty while the collar is still on her
 */
public record PairingPeriod(CollarEui collar, CowId cow, Instant from, Optional<Instant> until) {

    public PairingPeriod {
        Objects.requireNonNull(collar, "collar");
        Objects.requireNonNull(cow, "cow");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    public static PairingPeriod of(CollarEui collar, CowId cow, Instant from, Optional<Instant> until) {
        return new PairingPeriod(collar, cow, from, until);
    }

    public boolean isOpen() {
        return until.isEmpty();
    }
}
