package io.herdgate.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits password guessing: {@code maxFailures} failed logins from one address within {@code window}
 * lock that address for {@code lockout}; a successful login clears its record. Behind a reverse proxy
 * every client is the proxy, so the limit then applies to all of them together. Thread-safe.
 */
final class LoginThrottle {

    /** Beyond this many addresses, stale records are dropped so a scan cannot fill the heap. */
    private static final int MAX_TRACKED = 1_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> lockedUntil = new HashMap<>();

    LoginThrottle(Clock clock, int maxFailures, Duration window, Duration lockout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** How long {@code address} must still wait, or empty when it may try. */
    synchronized Optional<Duration> lockedFor(String address) {
        Instant until = lockedUntil.get(address);
        Instant now = clock.instant();
        if (until == null) {
            return Optional.empty();
        }
        if (!now.isBefore(until)) {
            lockedUntil.remove(address);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }

    /** Records a failed login; returns true when this failure locked the address. */
    synchronized boolean failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            prune(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        recent.addLast(now);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxFailures) {
            recent.clear();
            lockedUntil.put(address, now.plus(lockout));
            return true;
        }
        return false;
    }

    synchronized void succeeded(String address) {
        failures.remove(address);
    }

    private void prune(Instant now) {
        failures.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(now.minus(window)));
        lockedUntil.values().removeIf(until -> !now.isBefore(until));
    }
}
