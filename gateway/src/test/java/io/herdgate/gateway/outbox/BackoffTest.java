package io.herdgate.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "attempt {0}: {1}..{2} ms")
    @CsvSource({"1, 2500, 5000", "2, 5000, 10000", "3, 10000, 20000", "7, 160000, 320000", "8, 300000, 600000",
            "40, 300000, 600000", "2000000000, 300000, 600000"})
    void delay_doublesPerAttempt_withinItsJitterBand_andIsCapped(int attempts, long minMs, long maxMs) {
        Backoff b = Backoff.of(Duration.ofSeconds(5), Duration.ofMinutes(10), new SplittableRandom(attempts));
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (int i = 0; i < 2000; i++) {
            long ms = b.after(attempts).toMillis();
            lo = Math.min(lo, ms);
            hi = Math.max(hi, ms);
        }
        assertTrue(lo >= minMs && hi <= maxMs, lo + ".." + hi);
        // The jitter really spreads: the extremes are near both ends of the band.
        assertTrue(lo < minMs + (maxMs - minMs) / 10 && hi > maxMs - (maxMs - minMs) / 10, lo + ".." + hi);
    }
}
