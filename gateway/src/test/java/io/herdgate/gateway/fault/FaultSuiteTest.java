package io.herdgate.gateway.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fault suite, by default at its small size (one seed, 4 cows, 4 simulated hours, every fault kind
 * once); larger with system properties, e.g. {@code -Dfaults.seed=7 -Dfaults.cows=20 -Dfaults.hours=48
 * -Dfaults.count=60} (deploy/README.md, "Fault suite"). Runs only with {@code -Dfaults.run=true}: the serial
 * collars sometimes fail to join over the socat pair and the run then crawls, which must not hold up CI.
 */
@EnabledIfSystemProperty(named = "faults.run", matches = "true")
class FaultSuiteTest {

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void seededFaults_noAlarmIsLost_andDuplicatesAreCounted() throws Exception {
        FaultRun.Settings s = new FaultRun.Settings(Long.getLong("faults.seed", 1), Integer.getInteger("faults.cows", 4),
                Duration.ofHours(Long.getLong("faults.hours", 4)), Integer.getInteger("faults.count", FaultKind.values().length));

        // kept after the run: the gateway's log and database for a look when something was lost
        Path dir = Path.of("target", "fault-suite", "seed-" + s.seed());
        ScratchDir.recreate(dir);
        FaultReport r = FaultRun.run(s, dir);

        System.out.println(r.table());
        assertTrue(r.raised() > 0, "the herd's events raised no alarm: the run proves nothing\n" + r.table());
        assertEquals(java.util.List.of(), r.lost(), "alarms lost\n" + r.table());
        assertTrue(r.framesMissing() <= r.framesInFlightAtKills(),
                "frames neither accepted, rejected for a reason, nor in flight at a kill\n" + r.table());
        assertEquals(java.util.List.of(), r.apiViolations(), "requests Meta's API would refuse");
        for (FaultKind k : FaultKind.values()) {
            assertTrue(s.faults() < FaultKind.values().length || r.applied().get(k) > 0, k + " was not applied");
        }
    }
}
