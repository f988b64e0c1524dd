package io.herdgate.protocol.join;

import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import java.util.Optional;

/** Looks up a collar's root key (provisioned at manufacture, entered at pairing). */
@FunctionalInterface
public interface RootKeys {

    /** The root key of the collar, empty if the collar is not known to this gateway. */
    Optional<AesKey> rootKey(CollarEui eui);
}
