package io.herdgate.gateway.siren;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.alarm.Acknowledgement;
import io.herdgate.gateway.alarm.AlarmState;
import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.gpio.Siren;
import io.herdgate.gateway.store.AlarmId;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.rules.alarm.Severity;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.herd.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlarmDeskFeedTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    private final ManualClock clock = ManualClock.of(T0);
    private final List<AlarmChange> changes = new ArrayList<>();
    private List<AlarmView> desk = List.of();
    private final AlarmDeskFeed feed = AlarmDeskFeed.of(() -> desk, changes::add, clock);

    private static AlarmView view(long id, AlarmState state) {
        return new AlarmView(AlarmId.of(id), CowId.of("7019"), AlarmType.NO_MOTION, Severity.CRITICAL, T0, state,
                Optional.empty(), 1, Optional.empty(), Optional.empty());
    }

    private static AlarmState acknowledged() {
        return new AlarmState.ActiveAcknowledged(Acknowledgement.of("anna", "sms", T0, false));
    }

    @Test
    void newUnacknowledgedAlarm_isRaised_once_thenAcknowledged_thenCleared() {
        desk = List.of(view(1, new AlarmState.ActiveUnacknowledged()));
        feed.poll();
        feed.poll();
        clock.advance(Duration.ofMinutes(3));
        desk = List.of(view(1, acknowledged()));
        feed.poll();
        desk = List.of();
        feed.poll();

        assertEquals(List.of(AlarmChange.Raised.of(AlarmId.of(1), Severity.CRITICAL, T0),
                AlarmChange.Acknowledged.of(AlarmId.of(1), T0.plus(Duration.ofMinutes(3))),
                AlarmChange.Cleared.of(AlarmId.of(1), T0.plus(Duration.ofMinutes(3)))), changes);
    }

    @Test
    void alarmFirstSeenAcknowledged_raisesNothing() {
        desk = List.of(view(2, acknowledged()));
        feed.poll();

        assertEquals(List.of(), changes);
    }

    @Test
    void feedDrivesTheSiren_endToEnd() {
        List<String> relay = new ArrayList<>();
        SirenPolicy policy = SirenPolicy.of(SirenSettings.defaults(), new Siren() {
            private boolean on;

            @Override
            public void sound() {
                on = true;
                relay.add("on");
            }

            @Override
            public void silence() {
                on = false;
                relay.add("off");
            }

            @Override
            public boolean sounding() {
                return on;
            }
        }, clock);
        AlarmDeskFeed toSiren = AlarmDeskFeed.of(() -> desk, policy, clock);

        desk = List.of(view(3, new AlarmState.ActiveUnacknowledged()));
        toSiren.poll();
        clock.advance(Duration.ofMinutes(10));
        toSiren.poll();
        policy.check();
        desk = List.of(view(3, acknowledged()));
        toSiren.poll();

        assertEquals(List.of("on", "off"), relay);
    }
}
