package io.herdgate.gateway.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmEvent;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Explanation;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AlarmPassTest {

    private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");

    private final ManualClock clock = ManualClock.of(T);
    private final List<List<AlarmPass.Told>> handed = new ArrayList<>();
    private final AlarmPass pass = new AlarmPass(clock, handed::add);

    private static AlarmEvent raised(String cow) {
        return AlarmEvent.Raised.of(Alarm.of(CowId.of(cow), AlarmType.NO_MOTION, T, Severity.CRITICAL,
                Explanation.of("still_min", 30, OptionalDouble.empty(), 30, Duration.ofMinutes(30), Map.of())));
    }

    @Test
    void eventsOfOnePass_areHandedOnTogetherWhenItEnds_eachWithTheInstantItWasTold() {
        pass.run(() -> {
            pass.onEvent(raised("17"));
            clock.advance(Duration.ofMillis(5));
            pass.onEvent(raised("22"));
            assertEquals(List.of(), handed, "nothing before the pass is over");
            return null;
        });

        assertEquals(1, handed.size());
        assertEquals(List.of(T, T.plusMillis(5)), handed.get(0).stream().map(AlarmPass.Told::at).toList());
        assertEquals(List.of("17", "22"), handed.get(0).stream().map(t -> t.event().alarm().cow().value()).toList());
    }

    @Test
    void eventOutsideAPass_isHandedOnAtOnce_andANestedPassWaitsForTheOuter() {
        pass.onEvent(raised("5"));
        assertEquals(1, handed.size());

        pass.run(() -> {
            pass.run(() -> {
                pass.onEvent(raised("6"));
                return null;
            });
            assertEquals(1, handed.size(), "the inner pass hands nothing on");
            return null;
        });
        assertEquals(2, handed.size());
        assertEquals(1, handed.get(1).size());
    }

    @Test
    void passThatThrows_stillHandsOnWhatItTold() {
        assertThrows(IllegalStateException.class, () -> pass.run(() -> {
            pass.onEvent(raised("9"));
            throw new IllegalStateException("engine failed");
        }));
        assertEquals(1, handed.size());
    }

    @Test
    void passThatThrows_whileHandingOnFails_throwsItsOwnException_withTheHandOnsSuppressed() {
        AlarmPass failing = new AlarmPass(clock, told -> {
            throw new IllegalStateException("desk failed");
        });

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.run(() -> {
            failing.onEvent(raised("17"));
            throw new IllegalStateException("engine failed");
        }));

        assertEquals("engine failed", e.getMessage());
        assertEquals(List.of("desk failed"), java.util.Arrays.stream(e.getSuppressed()).map(Throwable::getMessage).toList());
    }
}
