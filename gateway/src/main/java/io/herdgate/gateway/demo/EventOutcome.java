package io.herdgate.gateway.demo;

import io.herdgate.rules.alarm.Alarm;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.sim.event.Calving;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.CowDown;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.Heat;
import io.herdgate.sim.event.Illness;
import io.herdgate.sim.event.RadioLoss;
import io.herdgate.sim.herd.CowId;
import java.time.Duration;
import java.util.Optional;

/**
 * What became of one injected event: the first alarm of the type it should raise, on its cow, raised
 * from its start to {@link #GRACE} after its end; empty when missed.
 *
 * @param cow      the cow the event happened to
 * @param episode  the event
 * @param expected the alarm type it should raise
 * @param alarm    the alarm it raised, if any
 */
public record EventOutcome(CowId cow, Episode episode, AlarmType expected, Optional<Alarm> alarm) {

    /** How long after an event's end its alarm still counts as its own (illness is judged over a day). */
    static final Duration GRACE = Duration.ofHours(24);

    /** The alarm type an event should raise. */
    static AlarmType expectedType(Episode e) {
        // Java 17 has no pattern switch over the sealed interface
        if (e instanceof Heat) {
            return AlarmType.HEAT;
        } else if (e instanceof Illness) {
            return AlarmType.ILLNESS;
        } else if (e instanceof Calving) {
            return AlarmType.CALVING;
        } else if (e instanceof CowDown) {
            return AlarmType.NO_MOTION;
        } else if (e instanceof CollarOff) {
            return AlarmType.COLLAR_OFF;
        } else if (e instanceof RadioLoss) {
            return AlarmType.OFFLINE;
        }
        throw new IllegalArgumentException("unknown episode " + e);
    }

    /** True when {@code a} is this event's alarm: its type, its cow, raised while it lasted or soon after. */
    static boolean matches(CowId cow, Episode e, Alarm a) {
        return a.type() == expectedType(e) && a.cow().value().equals(Integer.toString(cow.number()))
                && !a.raisedAt().isBefore(e.start()) && !a.raisedAt().isAfter(e.end().plus(GRACE));
    }

    /** Time from the event's start to its alarm; empty when missed. */
    public Optional<Duration> delay() {
        return alarm.map(a -> Duration.between(episode.start(), a.raisedAt()));
    }
}
