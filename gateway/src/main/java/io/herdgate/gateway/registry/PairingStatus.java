package io.herdgate.gateway.registry;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the pairing mode stands; immutable.
 *
 * @param openUntil  when the mode closes, empty when it is closed
 * @param admitted   collars that joined during the mode and the cows they were paired with, in order
 * @param notJoined  loaded labels whose collars have not asked to join yet, by EUI
 * @param noCow      of those, collars that asked to join but had no cow (no cow on the label and the
 *                   list of cows used up); pair them by hand
 * @param cowsLeft   cows still waiting for a collar, in the order the next joins take them
 */
public record PairingStatus(Optional<Instant> openUntil, List<Admission> admitted, List<CollarEui> notJoined,
                            List<CollarEui> noCow, List<CowId> cowsLeft) {

    public PairingStatus {
        Objects.requireNonNull(openUntil, "openUntil");
        admitted = List.copyOf(admitted);
        notJoined = List.copyOf(notJoined);
        noCow = List.copyOf(noCow);
        cowsLeft = List.copyOf(cowsLeft);
    }

    public static PairingStatus closed() {
        return new PairingStatus(Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean open() {
        return openUntil.isPresent();
    }

    /** A collar admitted in pairing mode. */
    public record Admission(CollarEui eui, CowId cow, Instant at) {
        public Admission {
            Objects.requireNonNull(eui, "eui");
            Objects.requireNonNull(cow, "cow");
            Objects.requireNonNull(at, "at");
        }

        public static Admission of(CollarEui eui, CowId cow, Instant at) {
            return new Admission(eui, cow, at);
        }
    }
}
