package io.herdgate.gateway.registry;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;

/** What {@link CollarRegistry#unpair} did. */
public sealed interface UnpairResult {

    /** The collar was taken off the cow and is spare; her history stays. */
    record Unpaired(CollarEui eui, CowId cow) implements UnpairResult {
    }

    /** The collar is registered but was on no cow; nothing changed. */
    record NotPaired(CollarEui eui) implements UnpairResult {
    }

    /** No such collar. */
    record UnknownCollar(CollarEui eui) implements UnpairResult {
    }
}
