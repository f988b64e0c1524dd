package io.herdgate.bench;

import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Synthetic per-minute data of a herd, cows interleaved minute by minute as a gateway receives them:
 * a day/night motion rhythm, steps, lying, rare lying bouts and a steady battery. A xorshift generator
 * keeps it cheap and deterministic, so generating does not dominate what is measured.
 */
final class MinuteHerd {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long START = 1_700_000_000L / 60 * 60;

    private final CowId[] ids;
    private final Consumer<Observation> sink;
    private int next;
    private long minute;
    private Instant time = Instant.ofEpochSecond(START);
    private long seed = 42;

    /** @param sink receives every observation, e.g. {@code engine::accept} */
    MinuteHerd(int cows, Consumer<Observation> sink) {
        this.sink = sink;
        ids = new CowId[cows];
        for (int i = 0; i < cows; i++) {
            ids[i] = CowId.of("cow-" + i);
        }
    }

    CowId firstCow() {
        return ids[0];
    }

    /** Feeds the next {@code count} observations; the minute advances after the herd's last cow. */
    void feed(long count) {
        for (long k = 0; k < count; k++) {
            double motion = (minute / 60 % 24 >= 6 && minute / 60 % 24 < 20 ? 20 : 6) * nextUnit();
            sink.accept(new Observation(ids[next], time, MINUTE, motion, Double.NaN, nextUnit() < 0.6 ? 1 : 0,
                    nextUnit() < 0.01 ? 1 : 0, Math.floor(motion / 4), motion, Double.NaN, Double.NaN, 3600));
            if (++next == ids.length) {
                next = 0;
                minute++;
                time = Instant.ofEpochSecond(START + minute * 60);
            }
        }
    }

    private double nextUnit() {
        seed ^= seed << 13;
        seed ^= seed >>> 7;
        seed ^= seed << 17;
        return (seed >>> 11) * 0x1.0p-53;
    }
}
