package io.herdgate.gateway.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final Heartbeat heartbeat = Heartbeat.of("pipeline", nanos::get);
    private final Liveness liveness = heartbeat.liveness(Duration.ofSeconds(60));

    @Test
    void liveness_withinAllowedSilence_isAlive() {
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());

        assertEquals(Optional.empty(), liveness.problem());
    }

    @Test
    void liveness_afterLongerSilence_namesTheWorkerAndTheSilence() {
        nanos.addAndGet(Duration.ofSeconds(95).toNanos());

        assertEquals(Optional.of("pipeline silent for 95 s (allowed 60 s)"), liveness.problem());
    }

    @Test
    void beat_afterSilence_makesItAliveAgain() {
        nanos.addAndGet(Duration.ofSeconds(95).toNanos());
        heartbeat.beat();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertEquals(Optional.empty(), liveness.problem());
    }

    @Test
    void and_reportsTheFirstProblem() {
        Liveness linkDown = () -> Optional.of("serial link down");
        nanos.addAndGet(Duration.ofSeconds(95).toNanos());

        assertEquals(Optional.of("serial link down"), Liveness.ALWAYS.and(linkDown).and(liveness).problem());
    }

    @Test
    void liveness_withZeroSilence_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> heartbeat.liveness(Duration.ZERO));
    }
}
