package io.herdgate.gateway.ingest;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.util.Objects;

/**
 * A collar paired to a cow.
 *
 * @param eui     the collar
 * @param rootKey the collar's root key, from its label; {@link AesKey#toString()} is redacted
 * @param cow     the cow wearing it
 */
public record Pairing(CollarEui eui, AesKey rootKey, CowId cow) {

    public Pairing {
        Objects.requireNonNull(eui, "eui");
        Objects.requireNonNull(rootKey, "rootKey");
        Objects.requireNonNull(cow, "cow");
    }

    public static Pairing of(CollarEui eui, AesKey rootKey, CowId cow) {
        return new Pairing(eui, rootKey, cow);
    }
}
