package io.herdgate.gateway.registry;

import java.util.List;
import java.util.Objects;

/**
 * What opening the pairing mode did.
 *
 * @param status  the mode as it now stands
 * @param refused labels not taken, with the reason for each
 */
public record PairingOpened(PairingStatus status, List<LabelRefusal> refused) {

    public PairingOpened {
        Objects.requireNonNull(status, "status");
        refused = List.copyOf(refused);
    }

    public static PairingOpened of(PairingStatus status, List<LabelRefusal> refused) {
        return new PairingOpened(status, refused);
    }
}
