package io.herdgate.gateway.whatsapp;

import io.herdgate.gateway.notify.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the gateway inside WhatsApp's limits before Meta has to enforce them: at most
 * {@code perSecond} messages in any one-second window of the clock (throughput, error 130429), and at
 * least {@code pairInterval} between two messages to one recipient (pair rate, error 131056).
 * Thread-safe. Entries of recipients not messaged for a pair interval are dropped as they age. A send
 * recorded after the clock's time (the wall clock was stepped back) holds nothing back.
 */
public final class SendLimiter {

    /** Why a message has to wait. */
    public enum Limit { THROUGHPUT, PAIR_RATE }

    /** A refusal: which limit and how long until a retry can pass it. */
    public record Wait(Limit limit, Duration after) {
    }

    private final Clock clock;
    private final int perSecond;
    private final Duration pairInterval;
    private final Instant[] recent;
    private int next;
    private final Map<PhoneNumber, Instant> lastTo = new HashMap<>();

    public SendLimiter(Clock clock, int perSecond, Duration pairInterval) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be >= 1: " + perSecond);
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.pairInterval = pairInterval;
        this.recent = new Instant[perSecond];
    }

    /** Takes a slot for a message to {@code to} now, or says how long to wait; a refusal takes nothing. */
    public synchronized Optional<Wait> tryAcquire(PhoneNumber to) {
        Instant now = clock.instant();
        Instant last = lastTo.get(to);
        if (last != null && last.isAfter(now)) {
            // The wall clock was stepped back: a send "in the future" says nothing about waiting now,
            // and measured from it a step of a day would hold the recipient back for a day.
            lastTo.remove(to);
            last = null;
        }
        if (last != null && !pairInterval.isZero()) {
            Duration since = Duration.between(last, now);
            if (since.compareTo(pairInterval) < 0) {
                return Optional.of(new Wait(Limit.PAIR_RATE, pairInterval.minus(since)));
            }
        }
        // recent is a ring of the last perSecond send times; the oldest must be a second old.
        Instant oldest = recent[next];
        if (oldest != null && !oldest.isAfter(now)) {
            Duration age = Duration.between(oldest, now);
            if (age.compareTo(Duration.ofSeconds(1)) < 0) {
                return Optional.of(new Wait(Limit.THROUGHPUT, Duration.ofSeconds(1).minus(age)));
            }
        }
        recent[next] = now;
        next = (next + 1) % perSecond;
        lastTo.values().removeIf(t -> Duration.between(t, now).compareTo(pairInterval) >= 0);
        lastTo.put(to, now);
        return Optional.empty();
    }
}
