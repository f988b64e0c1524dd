package io.herdgate.gateway.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Every interval, asks the liveness and sends {@code WATCHDOG=1} only when it reports no problem; on a
 * problem it sends the problem as {@code STATUS=} instead and lets systemd's {@code WatchdogSec=} run
 * out, so systemd restarts the gateway. Status and failures are sent and logged on change only.
 */
final class ServiceWatchdog implements AutoCloseable {

    private final Notifier notifier;
    private final Liveness liveness;
    private final Duration interval;
    private final String healthyStatus;
    private ScheduledExecutorService scheduler;
    private Optional<String> lastProblem = Optional.empty();
    private boolean lastSendFailed;

    ServiceWatchdog(Notifier notifier, Liveness liveness, Duration interval, String healthyStatus) {
        this.notifier = notifier;
        this.liveness = liveness;
        this.interval = interval;
        this.healthyStatus = healthyStatus;
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herdgate-watchdog");
            t.setDaemon(true);
            return t;
        });
        long micros = interval.toNanos() / 1_000;
        scheduler.scheduleAtFixedRate(this::tick, micros, micros, TimeUnit.MICROSECONDS);
    }

    /** One check: the notices sent (none when the problem is unchanged and already reported). */
    synchronized List<Notice> tick() {
        Optional<String> problem;
        try {
            problem = liveness.problem();
        } catch (RuntimeException e) {
            problem = Optional.of("liveness check failed: " + e);
        }
        List<Notice> notices = new ArrayList<>(2);
        if (problem.isEmpty()) {
            notices.add(Notice.WATCHDOG);
            if (lastProblem.isPresent()) {
                notices.add(Notice.Status.of(healthyStatus));
                Logger.info("Watchdog: healthy again");
            }
        } else if (!problem.equals(lastProblem)) {
            notices.add(Notice.Status.of(problem.get()));
            Logger.warn("Watchdog withheld: {}", problem.get());
        }
        lastProblem = problem;
        if (!notices.isEmpty()) {
            report(notifier.send(notices));
        }
        return List.copyOf(notices);
    }

    private void report(NotifyResult result) {
        boolean failed = result instanceof NotifyResult.Failed;
        if (failed && !lastSendFailed) {
            Logger.warn("Watchdog notification not delivered: {}", ((NotifyResult.Failed) result).reason());
        }
        lastSendFailed = failed;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
