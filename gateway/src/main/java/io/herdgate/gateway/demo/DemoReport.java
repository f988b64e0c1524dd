package io.herdgate.gateway.demo;

import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.rules.alarm.Alarm;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a demo run did.
 *
 * @param framesAccepted fresh authentic frames used
 * @param rejections     frames dropped, by reason
 * @param observations   per-minute observations fed to the detection engine
 * @param alarms         every alarm of the run, in the order raised, with its clearing time if cleared
 * @param wallTime       how long the run took on this machine
 */
public record DemoReport(long framesAccepted, Map<RejectReason, Long> rejections, long observations,
                         List<Alarm> alarms, Duration wallTime) {

    public DemoReport {
        rejections = Map.copyOf(rejections);
        alarms = List.copyOf(alarms);
    }
}
