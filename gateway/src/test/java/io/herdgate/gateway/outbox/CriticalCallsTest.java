package io.herdgate.gateway.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bounds are generous upper limits in machine time: the tests hold on a busy machine too. */
class CriticalCallsTest {

    @Test
    void stepAside_withNoCriticalCallUnderWay_returnsAtOnce() {
        CriticalCalls calls = CriticalCalls.of(Duration.ofSeconds(1));

        long t0 = System.nanoTime();
        assertFalse(calls.stepAside());
        assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void stepAside_whileACriticalCallIsUnderWay_waitsUntilItEnds() throws InterruptedException {
        CriticalCalls calls = CriticalCalls.of(Duration.ofSeconds(1));
        calls.started();
        Thread ender = new Thread(() -> {
            sleep(100);
            calls.ended();
        });
        ender.start();

        long t0 = System.nanoTime();
        assertTrue(calls.stepAside());
        long held = System.nanoTime() - t0;
        ender.join();
        assertEquals(0, calls.underWay());
        assertTrue(held >= TimeUnit.MILLISECONDS.toNanos(50), "held while the call was under way: " + held + " ns");
    }

    @Test
    void stepAside_behindACallThatDoesNotEnd_waitsOneGraceAtMost() {
        CriticalCalls calls = CriticalCalls.of(Duration.ofMillis(100));
        calls.started();

        long t0 = System.nanoTime();
        assertTrue(calls.stepAside());
        long held = System.nanoTime() - t0;
        assertTrue(held >= TimeUnit.MILLISECONDS.toNanos(50), "held: " + held + " ns");
        assertTrue(held < TimeUnit.SECONDS.toNanos(5), "released after the grace: " + held + " ns");

        sleep(150); // the grace of the call under way has passed: no further hold
        long t1 = System.nanoTime();
        calls.stepAside();
        assertTrue(System.nanoTime() - t1 < TimeUnit.MILLISECONDS.toNanos(90), "no second hold for the same call");
        assertEquals(1, calls.underWay());
    }

    @Test
    void of_graceOutOfRange_isRefusedNamingTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CriticalCalls.of(Duration.ofSeconds(2)));
        assertEquals("critical call grace must be 1..1000 ms, got 2000 ms", e.getMessage());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
