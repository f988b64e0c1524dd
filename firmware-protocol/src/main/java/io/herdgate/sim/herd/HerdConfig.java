package io.herdgate.sim.herd;

import io.herdgate.sim.collar.Weather;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How to build a simulated herd.
 *
 * @param size         number of cows, numbered 1..size; 1..99999
 * @param seed         everything (cows, keys, events, samples) derives from it
 * @param start        simulated time at which the collars are switched on
 * @param span         planned length of the run; events are placed inside it
 * @param events       which cows get which events, drawn from the seed
 * @param script       episodes placed by hand on named cows, in addition to {@code events}
 * @param weather      air temperature (and the farm's time zone for the daily rhythm)
 * @param bufferFrames uplinks each collar holds during radio loss, at least 1
 * @param encrypt      encrypt uplink payloads
 */
public record HerdConfig(int size, long seed, Instant start, Duration span, EventSpec events, EventScript script,
                         Weather weather, int bufferFrames, boolean encrypt) {

    public HerdConfig {
        if (size < 1 || size > 99_999) {
            throw new IllegalArgumentException("herd size out of 1..99999: " + size);
        }
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be positive, got " + span);
        }
        if (bufferFrames < 1) {
            throw new IllegalArgumentException("bufferFrames must be at least 1, got " + bufferFrames);
        }
        for (EventScript.Placed p : script.placed()) {
            if (p.cow().number() > size) {
                throw new IllegalArgumentException("scripted " + p.episode() + " for cow " + p.cow()
                        + ", out of 1.." + size);
            }
        }
    }

    /** A herd without events in a temperate climate (10 ± 5 °C, UTC), 256-frame buffers, encrypted. */
    public static HerdConfig of(int size, long seed, Instant start, Duration span) {
        return new HerdConfig(size, seed, start, span, EventSpec.none(), EventScript.none(), Weather.of(10, 5, ZoneOffset.UTC), 256, true);
    }

    /** Parses and sets the event spec (see {@link EventSpec}); throws {@link EventSpecException} naming the entry. */
    public HerdConfig withEvents(String spec) {
        return withEvents(EventSpec.parse(spec, size));
    }

    public HerdConfig withEvents(EventSpec e) {
        return new HerdConfig(size, seed, start, span, e, script, weather, bufferFrames, encrypt);
    }

    /** Adds nothing drawn: places {@code s}'s episodes on their cows (cows must be in 1..size). */
    public HerdConfig withScript(EventScript s) {
        return new HerdConfig(size, seed, start, span, events, s, weather, bufferFrames, encrypt);
    }

    public HerdConfig withWeather(Weather w) {
        return new HerdConfig(size, seed, start, span, events, script, w, bufferFrames, encrypt);
    }

    public HerdConfig withBufferFrames(int n) {
        return new HerdConfig(size, seed, start, span, events, script, weather, n, encrypt);
    }

    public HerdConfig withEncryption(boolean on) {
        return new HerdConfig(size, seed, start, span, events, script, weather, bufferFrames, on);
    }

    /** The farm's time zone. */
    public ZoneId zone() {
        return weather.zone();
    }
}
