package io.herdgate.gateway.registry;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.util.Objects;
import java.util.Optional;

/**
 * What is printed on a collar's label or QR code, and optionally the cow it is meant for.
 * {@link #toString()} shows no key ({@link AesKey} is redacted).
 *
 * @param eui the collar
 * @param key its root key
 * @param cow the cow the installer means to fit it on; empty to take the next cow of the pairing mode
 */
public record CollarLabel(CollarEui eui, AesKey key, Optional<CowId> cow) {

    public CollarLabel {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cow, "cow");
    }

    public static CollarLabel of(CollarEui eui, AesKey key, Optional<CowId> cow) {
        return new CollarLabel(eui, key, cow);
    }

    public static CollarLabel of(CollarEui eui, AesKey key) {
        return new CollarLabel(eui, key, Optional.empty());
    }
}
