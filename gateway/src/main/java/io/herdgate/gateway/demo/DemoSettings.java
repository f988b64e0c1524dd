package io.herdgate.gateway.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo simulates and how it runs.
 *
 * @param cows     herd size, 1..2000
 * @param span     simulated time, 1 h .. 60 days
 * @param events   {@link #STORY} for the scripted story ({@code DemoStory}), or which cows get which events
 *                 drawn from the seed, in the simulator's event-spec syntax (empty: none)
 * @param seed     everything derives from it
 * @param start    simulated time at which the collars switch on
 * @param dataDir  the gateway's data directory; empty for a new temporary one, deleted at the end
 * @param httpPort the gateway's HTTP port on 127.0.0.1, 0..65535 (0: any free port)
 * @param pace     real time per simulated hour once the warm-up is over (the events are watchable);
 *                 zero runs everything as fast as the machine allows
 */
public record DemoSettings(int cows, Duration span, String events, long seed, Instant start, Optional<Path> dataDir,
                           int httpPort, Duration pace) {

    /** The events value that asks for the scripted story: one event of each kind after the warm-up. */
    public static final String STORY = "story";
    public static final int MAX_COWS = 2000;
    public static final Duration MAX_SPAN = Duration.ofDays(60);

    public DemoSettings {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(pace, "pace");
        if (cows < 1 || cows > MAX_COWS) {
            throw new IllegalArgumentException("cows must be 1.." + MAX_COWS + ", got " + cows);
        }
        if (span.compareTo(Duration.ofHours(1)) < 0 || span.compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("span must be 1 h .. 60 days, got " + span);
        }
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("http port must be 0..65535, got " + httpPort);
        }
        if (pace.isNegative() || pace.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("pace must be 0 .. 10 min per simulated hour, got " + pace);
        }
    }

    /** As fast as possible, a temporary data directory, any free port. */
    public static DemoSettings of(int cows, Duration span, String events, long seed, Instant start) {
        return new DemoSettings(cows, span, events, seed, start, Optional.empty(), 0, Duration.ZERO);
    }

    /** True when the run tells the scripted story rather than drawn events. */
    public boolean story() {
        return STORY.equals(events.trim());
    }

    public DemoSettings withDataDir(Path dir) {
        return new DemoSettings(cows, span, events, seed, start, Optional.of(dir), httpPort, pace);
    }

    public DemoSettings withHttpPort(int port) {
        return new DemoSettings(cows, span, events, seed, start, dataDir, port, pace);
    }

    public DemoSettings withPace(Duration perSimulatedHour) {
        return new DemoSettings(cows, span, events, seed, start, dataDir, httpPort, perSimulatedHour);
    }
}
