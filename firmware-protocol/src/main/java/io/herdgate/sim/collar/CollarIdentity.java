package io.herdgate.sim.collar;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;

/**
 * What a collar is born with: its address and its root key (the key is redacted in {@link #toString()}).
 */
public record CollarIdentity(CollarEui eui, AesKey rootKey) {

    public static CollarIdentity of(CollarEui eui, AesKey rootKey) {
        return new CollarIdentity(eui, rootKey);
    }
}
