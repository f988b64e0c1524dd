package io.herdgate.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the demo simulates.
 *
 * @param cows   herd size, 1..2000
 * @param span   simulated time, 1 h .. 60 days
 * @param events which cows get which events, in the simulator's event-spec syntax
 * @param seed   everything derives from it
 * @param start  simulated time at which the collars switch on
 */
public record DemoSettings(int cows, Duration span, String events, long seed, Instant start) {

    public static final int MAX_COWS = 2000;
    public static final Duration MAX_SPAN = Duration.ofDays(60);

    public DemoSettings {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(start, "start");
        if (cows < 1 || cows > MAX_COWS) {
            throw new IllegalArgumentException("cows must be 1.." + MAX_COWS + ", got " + cows);
        }
        if (span.compareTo(Duration.ofHours(1)) < 0 || span.compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("span must be 1 h .. 60 days, got " + span);
        }
    }

    public static DemoSettings of(int cows, Duration span, String events, long seed, Instant start) {
        return new DemoSettings(cows, span, events, seed, start);
    }
}
