package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.testing.PtyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerialLinkTest {

    private static final Duration STEP = Duration.ofMillis(20);

    @Test
    void simulatedHerd_overARealPtyPair_everyFrameIsAccepted_andJoinAcceptsGoBackFramed() throws Exception {
        try (PtyPair pty = PtyPair.open();
                HerdHarness h = HerdHarness.of(8, 11)) {
            try (SerialLink link = SerialLink.of(fast(SerialLinkSettings.of(pty.a())), h.ingest, Clock.systemUTC());
                    SimulatedDongle dongle = SimulatedDongle.start(pty.b(), 10_000, h.herd::receive, Clock.systemUTC())) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up && dongle.state() instanceof LinkState.Up,
                        Duration.ofSeconds(10), "both ends open");
                h.radio(dongle);

                h.joinAll(STEP, dongle::flush);
                h.run(Duration.ofMinutes(5), dongle::flush);
                h.awaitAllAccepted(Duration.ofSeconds(60));

                assertEquals(Map.of(), h.dropped(), h.summary());
                LinkStats stats = link.stats();
                assertEquals(h.sent(), stats.framesIn(), stats.toString());
                assertTrue(stats.framesOut() >= 8, "a join accept per collar went out: " + stats);
                assertEquals(0, stats.downlinkErrors(), stats.toString());
                assertTrue(h.sent() > 8 * 60, "5 min of 8 collars: " + h.sent());
            }
        }
    }

    @Test
    void unplugAndReplug_halfWay_needsNoRestart_losesNothing_andIdlesWhileUnplugged() throws Exception {
        try (PtyPair pty = PtyPair.open();
                HerdHarness h = HerdHarness.of(6, 12)) {
            try (SerialLink link = SerialLink.of(fast(SerialLinkSettings.of(pty.a())), h.ingest, Clock.systemUTC());
                    SimulatedDongle dongle = SimulatedDongle.start(pty.b(), 10_000, h.herd::receive, Clock.systemUTC())) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up && dongle.state() instanceof LinkState.Up,
                        Duration.ofSeconds(10), "both ends open");
                h.radio(dongle);
                h.joinAll(STEP, dongle::flush);
                h.run(Duration.ofMinutes(3), dongle::flush);
                h.awaitAllAccepted(Duration.ofSeconds(60));

                pty.kill();
                h.await(() -> link.state() instanceof LinkState.Down, Duration.ofSeconds(10), "link down after unplug");
                HerdHarness.sleep(2_000); // let the JIT and GC settle after the herd's work
                CpuShare cpu = CpuShare.measure(Duration.ofSeconds(3), "herdgate-serial-", "herdgate-sim-dongle");
                System.out.println("while unplugged: " + cpu);
                assertTrue(cpu.threads() < 0.01, "link threads spin while unplugged: " + cpu);
                assertTrue(cpu.process() < 0.10, "process busy while unplugged: " + cpu);

                h.run(Duration.ofMinutes(3), dongle::flush);
                assertTrue(dongle.waiting() > 0, "frames wait at the radio while the dongle is unplugged");

                pty.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(15), "link up after replug");
                h.run(Duration.ofMinutes(3), dongle::flush);
                h.await(() -> { dongle.flush(); return dongle.waiting() == 0; }, Duration.ofSeconds(15), "radio drained");
                h.awaitAllAccepted(Duration.ofSeconds(60));

                assertEquals(Map.of(), h.dropped(), h.summary());
                assertEquals(h.sent(), h.accepted(), h.summary());
                assertEquals(1, link.stats().reconnects(), link.stats().toString());
                assertEquals(0, dongle.dropped());
            }
        }
    }

    @Test
    void dongleReplugged_manyTimes_afterGapsOf0msTo2s_isReopenedUnderItsPath_andNothingIsLost() throws Exception {
        try (PtyPair pty = PtyPair.open();
                HerdHarness h = HerdHarness.of(4, 13)) {
            try (SerialLink link = SerialLink.of(SerialLinkSettings.of(pty.a()), h.ingest, Clock.systemUTC());
                    SimulatedDongle dongle = SimulatedDongle.start(pty.b(), 10_000, h.herd::receive, Clock.systemUTC())) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up && dongle.state() instanceof LinkState.Up,
                        Duration.ofSeconds(10), "both ends open");
                h.radio(dongle);
                h.joinAll(STEP, dongle::flush);
                // the new socat may get the /dev/pts numbers the old one had, or others: the link goes by its path
                long[] gapsMs = {0, 5, 50, 300, 2000};
                for (long gap : gapsMs) {
                    pty.kill();
                    h.run(Duration.ofSeconds(30), () -> { });
                    Thread.sleep(gap);
                    pty.start();
                    h.await(() -> {
                        dongle.flush();
                        return dongle.waiting() == 0 && h.accepted() >= h.sent();
                    }, Duration.ofSeconds(30), "every frame accepted after a replug " + gap + " ms after the unplug");
                }

                assertEquals(Map.of(), h.dropped(), h.summary());
                assertEquals(h.sent(), h.accepted(), h.summary());
                assertEquals(gapsMs.length, link.stats().reconnects(), link.stats().toString());
            }
        }
    }

    /** Short reopen back-off so the test does not wait for production values. */
    private static SerialLinkSettings fast(SerialLinkSettings s) {
        return s.withRetry(Duration.ofMillis(100), Duration.ofMillis(500));
    }
}
