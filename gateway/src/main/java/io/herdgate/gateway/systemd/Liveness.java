package io.herdgate.gateway.systemd;

import java.time.Duration;
import java.util.Optional;

/** Whether the gateway can do its work right now; asked once per watchdog interval. */
@FunctionalInterface
public interface Liveness {

    /** Always alive: for processes without a pipeline to watch. */
    Liveness ALWAYS = Optional::empty;

    /**
     * Empty while the gateway works; otherwise one line saying what is wrong (shown by {@code systemctl
     * status}), e.g. "pipeline thread silent for 95 s". Must be quick and must not throw.
     */
    Optional<String> problem();

    /**
     * Alive while {@code probe} returns within {@code timeout} (positive); e.g. {@code
     * Liveness.responding("ingest thread", gateway::awaitIngest, Duration.ofSeconds(20))} hands the ingest
     * thread a no-op, which a dead or stuck thread never runs. A probe that throws is a problem too.
     */
    static Liveness responding(String name, Runnable probe, Duration timeout) {
        return new ProbeLiveness(name, probe, timeout);
    }

    /** Alive while both are alive; the first problem found otherwise. */
    default Liveness and(Liveness other) {
        return () -> {
            Optional<String> mine = problem();
            return mine.isPresent() ? mine : other.problem();
        };
    }
}
