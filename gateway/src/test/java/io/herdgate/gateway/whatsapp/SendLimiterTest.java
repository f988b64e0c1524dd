package io.herdgate.gateway.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendLimiterTest {

    private final ManualClock clock = ManualClock.of(Instant.parse("2026-11-21T06:00:00Z"));

    private static PhoneNumber phone(int i) {
        return PhoneNumber.of("+49151000000" + String.format("%02d", i));
    }

    @Test
    void tryAcquire_beyondThroughputWithinOneSecond_waitsForTheOldestToAge() {
        SendLimiter l = new SendLimiter(clock, 3, Duration.ofSeconds(6));
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), l.tryAcquire(phone(i)));
            clock.advance(Duration.ofMillis(100));
        }
        assertEquals(Optional.of(new SendLimiter.Wait(SendLimiter.Limit.THROUGHPUT, Duration.ofMillis(700))),
                l.tryAcquire(phone(9)));
        clock.advance(Duration.ofMillis(700));
        assertEquals(Optional.empty(), l.tryAcquire(phone(9)));
    }

    @Test
    void tryAcquire_sameRecipientWithinPairInterval_waitsTheRest() {
        SendLimiter l = new SendLimiter(clock, 80, Duration.ofSeconds(6));
        assertEquals(Optional.empty(), l.tryAcquire(phone(1)));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(new SendLimiter.Wait(SendLimiter.Limit.PAIR_RATE, Duration.ofSeconds(1))), l.tryAcquire(phone(1)));
        assertEquals(Optional.empty(), l.tryAcquire(phone(2)), "other recipients are not held back");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), l.tryAcquire(phone(1)));
    }

    @Test
    void tryAcquire_afterTheClockSteppedADayBack_holdsNothingBackForADay() {
        SendLimiter l = new SendLimiter(clock, 1, Duration.ofSeconds(6));
        assertEquals(Optional.empty(), l.tryAcquire(phone(1)));
        clock.advance(Duration.ofDays(-1));

        assertEquals(Optional.empty(), l.tryAcquire(phone(1)), "neither the pair rate nor the throughput window");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(new SendLimiter.Wait(SendLimiter.Limit.PAIR_RATE, Duration.ofSeconds(5))), l.tryAcquire(phone(1)),
                "limits hold again from the new time");
    }

    @Test
    void tryAcquire_refusal_takesNoSlot() {
        SendLimiter l = new SendLimiter(clock, 1, Duration.ofSeconds(6));
        l.tryAcquire(phone(1));
        l.tryAcquire(phone(2));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), l.tryAcquire(phone(2)));
    }

    @Test
    void tryAcquire_zeroPairInterval_switchesThePairLimitOff() {
        SendLimiter l = new SendLimiter(clock, 80, Duration.ZERO);
        assertEquals(Optional.empty(), l.tryAcquire(phone(1)));
        assertEquals(Optional.empty(), l.tryAcquire(phone(1)));
    }
}
