package io.herdgate.sim.herd;

import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.ActivitySummary;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.sim.collar.GatewayStub;
import io.herdgate.sim.event.Heat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedHerdTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private static SimulatedHerd herd(HerdConfig config, GatewayStub gateway) {
        SimulatedHerd herd = SimulatedHerd.of(config, gateway);
        herd.members().forEach(m -> gateway.rootKeys.put(m.identity().eui(), m.identity().rootKey()));
        return herd;
    }

    private static void run(SimulatedHerd herd, GatewayStub gateway, Duration d) {
        Instant end = herd.now().plus(d);
        while (herd.now().isBefore(end)) {
            herd.advanceTo(herd.now().plusSeconds(10));
            gateway.deliverTo(herd::receive);
        }
    }

    @Test
    void everyCollar_joinsAndSendsFramesThatDecode() {
        GatewayStub gateway = new GatewayStub(T0);
        SimulatedHerd herd = herd(HerdConfig.of(12, 1, T0, Duration.ofDays(1)), gateway);
        run(herd, gateway, Duration.ofMinutes(3));

        assertEquals(gateway.results.size(), gateway.decoded().size(), "all frames decode");
        assertEquals(12, gateway.sessions.size(), "every collar joined");
        assertEquals(12, gateway.messages(CollarStatus.class).size());
        long collarsWithSamples = gateway.decoded().stream().filter(d -> d.message() instanceof SampleBatch)
                .map(d -> d.header().eui()).distinct().count();
        assertEquals(12, collarsWithSamples);
    }

    @Test
    void sameSeed_sameFrames() {
        List<byte[]> a = frames(3);
        List<byte[]> b = frames(3);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(java.util.Arrays.equals(a.get(i), b.get(i)), "frame " + i);
        }
    }

    private static List<byte[]> frames(long seed) {
        List<byte[]> out = new ArrayList<>();
        SimulatedHerd herd = SimulatedHerd.of(HerdConfig.of(3, seed, T0, Duration.ofDays(1)), out::add);
        herd.advanceTo(T0.plusSeconds(120));
        return out;
    }

    @Test
    void heat_raisesTheCollarsOwnActivityCount() {
        GatewayStub gateway = new GatewayStub(T0);
        // summaries every 15 min, raw batches off
        gateway.config = CollarConfig.of(1000, AccelRange.G4, 0, 900, 3000, 300, 3600, 3600);
        HerdConfig config = HerdConfig.of(2, 4, T0, Duration.ofDays(4)).withEvents("heat:#2");
        SimulatedHerd herd = herd(config, gateway);
        run(herd, gateway, Duration.ofDays(4));

        Heat heat = (Heat) herd.schedule().episodes(CowId.of(2)).get(0);
        var cow2 = herd.member(CowId.of(2)).orElseThrow().identity().eui();
        // one summary per 15 min from the join (within the first 30 s): interval i ends about 15 (i + 1) min in
        List<Integer> activity = gateway.decoded().stream()
                .filter(d -> d.header().eui().equals(cow2) && d.message() instanceof ActivitySummary)
                .map(d -> ((ActivitySummary) d.message()).intervals().get(0).activity()).toList();
        double during = 0;
        double before = 0;
        int nd = 0;
        int nb = 0;
        for (int i = 0; i < activity.size(); i++) {
            Instant end = T0.plus(Duration.ofMinutes(15L * (i + 1)));
            if (heat.activeAt(end)) {
                during += activity.get(i);
                nd++;
            }
            for (int k = 1; k <= 2; k++) {
                if (heat.activeAt(end.plus(Duration.ofDays(k)))) {
                    before += activity.get(i);
                    nb++;
                }
            }
        }
        assertTrue(nd > 20 && nb > 20, "intervals during " + nd + ", same hours before " + nb);
        double ratio = (during / nd) / (before / nb);
        assertTrue(ratio > 1.8, "activity ratio in heat " + ratio + " (factor " + heat.activityFactor() + ")");
    }

    @Test
    void simulationClock_runsFasterThanItsBase() {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        ManualClock wall = ManualClock.of(base);
        SimulationClock sim = SimulationClock.of(wall, T0, 60);
        wall.set(base.plusSeconds(10));
        assertEquals(T0.plusSeconds(600), sim.instant());
    }
}
