package io.herdgate.gateway.runtime;

import java.time.Duration;

/**
 * What the running gateway has done, for the health page, the log and the demo.
 *
 * @param uptime         since start, by the monotonic clock
 * @param pairedCollars  collars paired to a cow now
 * @param joinedCollars  collars with a session: joined, or resumed from the database at start
 * @param cows           cows with detector state (baselines), as of the last engine tick
 * @param framesAccepted fresh authentic frames used
 * @param framesRejected frames dropped (bad MIC, replay, unknown collar ...) or refused because ingest was full
 * @param observations   per-minute observations fed to detection
 * @param activeAlarms   alarms raised and not cleared
 */
public record GatewayStatus(Duration uptime, int pairedCollars, int joinedCollars, int cows, long framesAccepted,
                            long framesRejected, long observations, int activeAlarms) {
}
