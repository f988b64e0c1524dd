package io.herdgate.gateway.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProbeLivenessTest {

    /** A worker thread like the gateway's ingest thread: a probe is a no-op it must run. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    private void awaitWorker() {
        try {
            worker.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void responding_whileTheWorkerRunsProbes_isAlive() {
        Liveness liveness = Liveness.responding("ingest thread", this::awaitWorker, Duration.ofSeconds(5));

        assertEquals(Optional.empty(), liveness.problem());
        assertEquals(Optional.empty(), liveness.problem());
        worker.shutdownNow();
    }

    @Test
    void responding_whenTheWorkerIsStuck_namesItAndStartsNoSecondProbe() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        worker.submit(() -> {
            release.await();
            return null;
        });
        AtomicInteger probes = new AtomicInteger();
        Liveness liveness = Liveness.responding("ingest thread", () -> {
            probes.incrementAndGet();
            awaitWorker();
        }, Duration.ofMillis(200));

        assertEquals(Optional.of("ingest thread did not respond within 200 ms"), liveness.problem());
        assertEquals(Optional.of("ingest thread did not respond within 200 ms"), liveness.problem());
        assertEquals(1, probes.get(), "the hanging probe is waited for, not repeated");

        release.countDown();
        assertEquals(Optional.empty(), liveness.problem());
        worker.shutdown();
        assertTrue(worker.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void responding_whenTheProbeThrows_reportsTheFailure() {
        worker.shutdownNow();
        Liveness liveness = Liveness.responding("ingest thread", this::awaitWorker, Duration.ofSeconds(5));

        assertTrue(liveness.problem().orElseThrow().startsWith("ingest thread failed: "));
    }
}
