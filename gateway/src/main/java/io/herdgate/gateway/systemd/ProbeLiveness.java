package io.herdgate.gateway.systemd;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alive while a probe completes in time, e.g. a no-op handed to the ingest thread ({@code
 * gateway::awaitIngest}): a dead or stuck thread never runs it. The probe runs on its own daemon thread;
 * while one probe hangs no second one is started, so a stuck worker cannot pile up waiting threads.
 */
final class ProbeLiveness implements Liveness {

    private final String name;
    private final Runnable probe;
    private final Duration timeout;
    private final ExecutorService runner;
    private Future<?> pending;

    ProbeLiveness(String name, Runnable probe, Duration timeout) {
        this.name = Objects.requireNonNull(name, "name");
        this.probe = Objects.requireNonNull(probe, "probe");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "herdgate-liveness-probe");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized Optional<String> problem() {
        if (pending == null || pending.isDone()) {
            pending = runner.submit(probe);
        }
        try {
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of(name + " did not respond within " + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            return Optional.of(name + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(name + " check interrupted");
        }
    }
}
