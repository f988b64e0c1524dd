package io.herdgate.gateway.registry;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.rules.series.CowId;
import java.util.Optional;

/** What {@link CollarRegistry#pair} did. */
public sealed interface PairResult {

    /** True when the collar is now on the cow. */
    default boolean paired() {
        return this instanceof Paired || this instanceof AlreadyPaired;
    }

    /**
     * The collar is on the cow from now on.
     *
     * @param replaced  the collar the cow wore until now (it becomes spare); her history and baseline stay hers
     * @param movedFrom the cow the collar was on until now (she has no collar now)
     */
    record Paired(CollarEui eui, CowId cow, Optional<CollarEui> replaced, Optional<CowId> movedFrom)
            implements PairResult {
    }

    /** The collar was already on this cow; nothing changed. */
    record AlreadyPaired(CollarEui eui, CowId cow) implements PairResult {
    }

    /** The collar is not registered and no key was given. */
    record UnknownCollar(CollarEui eui) implements PairResult {
    }

    /** The key given is not the one registered for the collar (a mistyped label?); nothing changed. */
    record KeyMismatch(CollarEui eui) implements PairResult {
    }

    /** The collar is retired and cannot be paired. */
    record Retired(CollarEui eui) implements PairResult {
    }
}
