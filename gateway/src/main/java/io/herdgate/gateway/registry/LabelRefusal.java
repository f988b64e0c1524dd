package io.herdgate.gateway.registry;

import io.herdgate.protocol.frame.CollarEui;
import java.util.Objects;

/**
 * A label the registry would not take into pairing mode.
 *
 * @param eui    the collar
 * @param reason why, with what to do instead; never contains a key
 */
public record LabelRefusal(CollarEui eui, String reason) {

    public LabelRefusal {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(reason, "reason");
    }

    public static LabelRefusal of(CollarEui eui, String reason) {
        return new LabelRefusal(eui, reason);
    }

    @Override
    public String toString() {
        return "collar " + eui + ": " + reason;
    }
}
