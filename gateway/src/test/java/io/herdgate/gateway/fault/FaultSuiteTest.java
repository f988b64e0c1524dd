package io.herdgate.gateway.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite (deploy/README.md, "Fault suite"). By default its small size, which CI runs: seed 1, 4
 * cows, 4 simulated hours, every fault kind once (broker restart, serial unplug, kill -9, API error storm,
 * long API outage, clock a day forward, clock a day back). Larger with system properties, e.g.
 * {@code -Dfaults.seed=7 -Dfaults.cows=6 -Dfaults.hours=10 -Dfaults.count=18}. Each phase has a wall-clock
 * limit (set-up, faults at {@link FaultRun#FAULTS_LIMIT_PER_HOUR} per simulated hour, drain, report): a
 * stalled run fails with where it stood and the gateway's last log lines rather than hanging.
 */
class FaultSuiteTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES) // a last resort: the phase limits end a stalled run first
    void seededFaults_noAlarmIsLost_andEveryFrameIsWrittenOrLostOnlyInTheWriteBehindIntervalOfAKill() throws Exception {
        FaultRun.Settings s = new FaultRun.Settings(Long.getLong("faults.seed", 1), Integer.getInteger("faults.cows", 4),
                Duration.ofHours(Long.getLong("faults.hours", 4)), Integer.getInteger("faults.count", FaultKind.values().length));

        // kept after the run: the gateway's log and database for a look when something was lost
        Path dir = Path.of("target", "fault-suite", "seed-" + s.seed());
        ScratchDir.recreate(dir);
        FaultReport r = FaultRun.run(s, dir);

        System.out.println(r.table());
        assertTrue(r.raised() > 0, "the herd's events raised no alarm: the run proves nothing\n" + r.table());
        assertEquals(List.of(), r.lost(), "alarms lost\n" + r.table());
        // counted from the gateway's durable per-collar tallies: every frame published is written, or was
        // accepted by a process killed within the write-behind interval before it wrote it
        assertEquals(0, r.frames().missing(), "frames missing\n" + r.table());
        assertEquals(0, r.frames().beyondWindow(), "frames lost at a kill beyond the flush interval\n" + r.table());
        assertEquals(0, r.frames().acceptedTwice(), "frames accepted more than once\n" + r.table());
        // the simulated collars count what a full buffer drops but not which frame: a drop makes the count unprovable
        assertEquals(0, r.framesDroppedByCollars(), "a collar buffer dropped frames\n" + r.table());
        assertEquals(List.of(), r.apiViolations(), "requests Meta's API would refuse");
        for (FaultKind k : FaultKind.values()) {
            assertTrue(s.faults() < FaultKind.values().length || r.applied().get(k) > 0, k + " was not applied");
        }
    }
}
