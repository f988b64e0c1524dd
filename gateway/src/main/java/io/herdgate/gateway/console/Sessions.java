package io.herdgate.gateway.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions in memory (a restart logs everyone out, which is fine for one farm). A session id is
 * 32 random bytes, base64url; a session ends {@code idle} after its last use, at logout, or when
 * {@value #MAX_SESSIONS} newer ones push it out. Thread-safe.
 */
final class Sessions {

    static final int MAX_SESSIONS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idle;
    private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

    Sessions(Clock clock, Duration idle) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idle = Objects.requireNonNull(idle, "idle");
    }

    /** Starts a session and returns its id (always a new one: no session fixation). */
    synchronized String start() {
        if (lastUse.size() >= MAX_SESSIONS) {
            lastUse.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .ifPresent(oldest -> lastUse.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        lastUse.put(id, clock.instant());
        return id;
    }

    /** Whether {@code id} is a live session; a live one's idle time starts again. */
    boolean touch(String id) {
        if (id == null) {
            return false;
        }
        Instant now = clock.instant();
        Instant last = lastUse.get(id);
        if (last == null) {
            return false;
        }
        if (Duration.between(last, now).compareTo(idle) >= 0) {
            lastUse.remove(id);
            return false;
        }
        lastUse.put(id, now);
        return true;
    }

    void end(String id) {
        if (id != null) {
            lastUse.remove(id);
        }
    }

    int size() {
        return lastUse.size();
    }
}
