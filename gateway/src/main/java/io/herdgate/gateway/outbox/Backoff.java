package io.herdgate.gateway.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after attempt {@code n} (1-based) the nominal delay is
 * {@code min(max, first × 2^(n-1))} and the delay used is uniform in [nominal/2, nominal], so that many
 * rows failing together do not retry in lockstep. Not thread-safe (the random source is not).
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;

    private Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    static Backoff of(Duration first, Duration max, RandomGenerator random) {
        return new Backoff(Objects.requireNonNull(first), Objects.requireNonNull(max), Objects.requireNonNull(random));
    }

    /** The delay after {@code attempts} (≥ 1) failed attempts. */
    Duration after(int attempts) {
        long firstMs = first.toMillis();
        long maxMs = max.toMillis();
        int shift = Math.min(Math.max(attempts - 1, 0), 40);
        long nominal = firstMs > (maxMs >> shift) ? maxMs : Math.min(maxMs, firstMs << shift);
        long half = nominal / 2;
        return Duration.ofMillis(half + (nominal - half == 0 ? 0 : random.nextLong(nominal - half + 1)));
    }
}
