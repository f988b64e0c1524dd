package io.herdgate.gateway.siren;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.gpio.Siren;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SirenPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final AlarmId COW_DOWN = AlarmId.of(1);
    private static final AlarmId OTHER = AlarmId.of(2);

    /** A relay that remembers what it was told. */
    private static final class RecordingSiren implements Siren {
        final List<String> switched = new ArrayList<>();
        boolean on;

        @Override
        public synchronized void sound() {
            if (!on) {
                switched.add("on");
            }
            on = true;
        }

        @Override
        public synchronized void silence() {
            if (on) {
                switched.add("off");
            }
            on = false;
        }

        @Override
        public synchronized boolean sounding() {
            return on;
        }
    }

    private final ManualClock clock = ManualClock.of(T0);
    private final RecordingSiren siren = new RecordingSiren();
    private final SirenPolicy policy = SirenPolicy.of(SirenSettings.defaults(), siren, clock);

    private void after(Duration d) {
        clock.advance(d);
        policy.check();
    }

    private void raise(AlarmId id, Severity s) {
        policy.onChange(AlarmChange.Raised.of(id, s, clock.instant()));
    }

    @Test
    void criticalAlarm_unacknowledgedForTenMinutes_soundsTheSiren() {
        raise(COW_DOWN, Severity.CRITICAL);

        after(Duration.ofMinutes(9).plusSeconds(59));
        assertFalse(siren.on);
        after(Duration.ofSeconds(1));
        assertTrue(siren.on);
        assertTrue(policy.sounding());
    }

    @Test
    void acknowledgedInTime_neverSounds() {
        raise(COW_DOWN, Severity.CRITICAL);
        after(Duration.ofMinutes(5));

        policy.onChange(AlarmChange.Acknowledged.of(COW_DOWN, clock.instant()));
        after(Duration.ofMinutes(30));

        assertEquals(List.of(), siren.switched);
    }

    @Test
    void warnings_doNotSoundIt() {
        raise(COW_DOWN, Severity.WARNING);
        after(Duration.ofHours(1));

        assertEquals(List.of(), siren.switched);
    }

    @Test
    void acknowledgement_onAnyChannel_stopsIt_andTheOverdueAlarmsDoNotRestartIt() {
        raise(COW_DOWN, Severity.CRITICAL);
        raise(OTHER, Severity.CRITICAL);
        after(Duration.ofMinutes(10));
        assertTrue(siren.on);

        policy.onChange(AlarmChange.Acknowledged.of(OTHER, clock.instant()));
        after(Duration.ofMinutes(5));

        assertEquals(List.of("on", "off"), siren.switched);
    }

    @Test
    void silenceButton_stopsIt_butALaterAlarmSoundsItAgain() {
        raise(COW_DOWN, Severity.CRITICAL);
        after(Duration.ofMinutes(10));
        policy.silence();
        assertFalse(siren.on);
        after(Duration.ofMinutes(20));
        assertFalse(siren.on, "the silenced alarm stays silent");

        raise(OTHER, Severity.CRITICAL);
        after(Duration.ofMinutes(10));

        assertEquals(List.of("on", "off", "on"), siren.switched);
    }

    @Test
    void siren_stopsOnItsOwn_afterTheSoundTime() {
        raise(COW_DOWN, Severity.CRITICAL);
        after(Duration.ofMinutes(10));
        after(Duration.ofMinutes(14));
        assertTrue(siren.on);

        after(Duration.ofMinutes(1));

        assertFalse(siren.on);
        after(Duration.ofHours(1));
        assertEquals(List.of("on", "off"), siren.switched);
    }

    @Test
    void clearing_stopsIt_whenNoOtherAlarmIsOverdue() {
        raise(COW_DOWN, Severity.CRITICAL);
        after(Duration.ofMinutes(10));
        raise(OTHER, Severity.CRITICAL);

        policy.onChange(AlarmChange.Cleared.of(COW_DOWN, clock.instant()));
        assertFalse(siren.on, "the other alarm is not overdue yet");

        after(Duration.ofMinutes(10));
        assertTrue(siren.on, "and sounds it when it is");
    }

    @Test
    void disabled_neverSounds() {
        SirenPolicy off = SirenPolicy.of(SirenSettings.of(false, Severity.CRITICAL, Duration.ofMinutes(1),
                Duration.ofMinutes(1)), siren, clock);
        off.onChange(AlarmChange.Raised.of(COW_DOWN, Severity.CRITICAL, clock.instant()));
        clock.advance(Duration.ofHours(1));
        off.check();

        assertEquals(List.of(), siren.switched);
    }
}
