package io.herdgate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.sim.event.Calving;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.Heat;
import io.herdgate.sim.event.Illness;
import io.herdgate.sim.event.RadioLoss;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DemoCommandTest {

    private static final Instant T = Instant.parse("2026-03-06T02:00:30Z");

    static Stream<Arguments> episodes() {
        return Stream.of(
                Arguments.of(Heat.of(T, Duration.ofHours(12), 3.0), "heat, 3.0x activity, from 2026-03-06 02:00 UTC for 12 h"),
                Arguments.of(Illness.of(T, Duration.ofDays(5), 0.5),
                        "illness, activity -50 % (reached over a day), from 2026-03-06 02:00 UTC for 120 h"),
                Arguments.of(Calving.of(T), "calving at 2026-03-06 02:00 UTC, restless from 2026-03-05 02:00 UTC"),
                Arguments.of(CowDown.of(T, Duration.ofMinutes(9 * 60 + 30)),
                        "cow down, cannot get up, from 2026-03-06 02:00 UTC for 9 h 30 min"),
                Arguments.of(CollarOff.of(T, Duration.ofHours(8)), "collar fallen off, on the ground from 2026-03-06 02:00 UTC for 8 h"),
                Arguments.of(RadioLoss.of(T, Duration.ofHours(3)), "out of radio range from 2026-03-06 02:00 UTC for 3 h"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("episodes")
    void describe_injectedEvent_readsAsAnInstallerWould(Episode e, String expected) {
        assertEquals(expected, DemoCommand.describe(e));
    }
}
