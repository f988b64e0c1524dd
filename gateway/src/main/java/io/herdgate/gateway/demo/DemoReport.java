package io.herdgate.gateway.demo;

import io.herdgate.rules.alarm.Alarm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a demo run did.
 *
 * @param framesAccepted fresh authentic frames used
 * @param framesRejected frames dropped (bad MIC, replay, unknown collar ...)
 * @param observations   per-minute observations fed to the detection engine
 * @param alarms         every alarm of the run, in the order raised, with its clearing time if cleared
 * @param outcomes       each injected event and the alarm it raised (or none), in start order
 * @param storedAlarms   alarms in the gateway's alarm log at the end
 * @param messages       WhatsApp messages the demo farmer's phone received
 * @param dataDir        the gateway's data directory (deleted at the end when it was a temporary one)
 * @param startTime      how long the gateway took to start (real time)
 * @param wallTime       how long the run took on this machine
 */
public record DemoReport(long framesAccepted, long framesRejected, long observations, List<Alarm> alarms,
                         List<EventOutcome> outcomes, int storedAlarms, int messages, Path dataDir, Duration startTime, Duration wallTime) {

    public DemoReport {
        alarms = List.copyOf(alarms);
        outcomes = List.copyOf(outcomes);
    }

    /** Alarms that belong to no injected event (a false alarm, or an event's alarm of the wrong type). */
    public List<Alarm> unexplained() {
        return alarms.stream().filter(a -> outcomes.stream().noneMatch(o -> EventOutcome.matches(o.cow(), o.episode(), a)))
                .toList();
    }
}
