package io.herdgate.gateway.systemd;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's side of a systemd {@code Type=notify} unit with {@code WatchdogSec=}: {@link #ready}
 * once healthy (starts the watchdog thread when systemd asked for one), {@link #close} at shutdown.
 * Outside systemd everything is a no-op. Thread-safe.
 */
public final class Supervision implements AutoCloseable {

    private final Notifier notifier;
    private final Optional<Duration> watchdogInterval;
    private final Liveness liveness;
    private ServiceWatchdog watchdog;
    private boolean closed;

    private Supervision(Notifier notifier, Optional<Duration> watchdogInterval, Liveness liveness) {
        this.notifier = notifier;
        this.watchdogInterval = watchdogInterval;
        this.liveness = liveness;
    }

    /**
     * @param environment the process environment ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC},
     *                    {@code WATCHDOG_PID}, as set by systemd)
     * @param pid         this process's id, to ignore a watchdog meant for another process
     * @param liveness    asked before each {@code WATCHDOG=1}
     */
    public static Supervision fromEnvironment(Map<String, String> environment, long pid, Liveness liveness) {
        return of(Notifier.fromEnvironment(environment), watchdogInterval(environment, pid), liveness);
    }

    /** {@code watchdogInterval}: how often to send {@code WATCHDOG=1}; empty for no watchdog. */
    public static Supervision of(Notifier notifier, Optional<Duration> watchdogInterval, Liveness liveness) {
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(watchdogInterval, "watchdogInterval");
        Objects.requireNonNull(liveness, "liveness");
        watchdogInterval.ifPresent(i -> {
            if (i.isNegative() || i.isZero()) {
                throw new IllegalArgumentException("watchdog interval must be positive, got " + i);
            }
        });
        return new Supervision(notifier, watchdogInterval, liveness);
    }

    /**
     * Half the watchdog timeout systemd set in {@code WATCHDOG_USEC} (microseconds), as sd_watchdog_enabled(3)
     * advises; empty when unset, not a positive number, or {@code WATCHDOG_PID} names another process.
     */
    public static Optional<Duration> watchdogInterval(Map<String, String> environment, long pid) {
        String usec = environment.get("WATCHDOG_USEC");
        String forPid = environment.get("WATCHDOG_PID");
        if (usec == null || (forPid != null && !forPid.equals(Long.toString(pid)))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec.trim());
            return micros > 1 ? Optional.of(Duration.ofNanos(micros * 1_000 / 2)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<Duration> watchdogInterval() {
        return watchdogInterval;
    }

    /**
     * Tells systemd that start-up is finished ({@code READY=1} with {@code status} as {@code STATUS=}) and
     * starts the watchdog. Call once the links and the pipeline run; calling again only updates the status.
     */
    public synchronized NotifyResult ready(String status) {
        if (closed) {
            throw new IllegalStateException("supervision already closed");
        }
        NotifyResult result = notifier.send(List.of(Notice.READY, Notice.Status.of(status)));
        if (watchdog == null && watchdogInterval.isPresent()) {
            watchdog = new ServiceWatchdog(notifier, liveness, watchdogInterval.get(), status);
            watchdog.start();
        }
        return result;
    }

    /** Updates the one-line status shown by {@code systemctl status}. */
    public NotifyResult status(String text) {
        return notifier.send(Notice.Status.of(text));
    }

    /** Stops the watchdog and sends {@code STOPPING=1}; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watchdog != null) {
            watchdog.close();
        }
        notifier.send(Notice.STOPPING);
    }
}
