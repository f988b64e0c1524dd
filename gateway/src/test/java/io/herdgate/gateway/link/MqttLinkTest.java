package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.testing.Mosquitto;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.sim.herd.SimulatedHerd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttLinkTest {

    private static final Duration STEP = Duration.ofMillis(20);

    @TempDir
    Path tmp;

    @Test
    void simulatedHerd_overARealBroker_everyFrameIsAccepted_andJoinAcceptsFindTheirCollars() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
                HerdHarness h = HerdHarness.of(8, 1)) {
            MqttLinkSettings settings = fast(MqttLinkSettings.of(broker.uri(), "farm1"));
            try (MqttLink link = MqttLink.of(settings, h.ingest, Clock.systemUTC());
                    SimulatedMqttRadio radio = SimulatedMqttRadio.connect(settings.withClientId("sim-farm1"), 10_000,
                            h.herd::receive)) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(10), "link up");
                h.radio(radio);

                h.joinAll(STEP, () -> { });
                h.run(Duration.ofMinutes(5), () -> { });
                h.awaitAllAccepted(Duration.ofSeconds(60));

                assertEquals(Map.of(), h.dropped(), h.summary());
                LinkStats stats = link.stats();
                assertEquals(h.sent(), stats.framesIn(), "every published frame came in by the link");
                assertTrue(stats.framesOut() >= 8, "a join accept per collar went out: " + stats);
                assertEquals(0, stats.rejected());
                assertTrue(h.sent() > 8 * 60, "5 min of 8 collars: " + h.sent());
            }
        }
    }

    @Test
    void tlsAndPassword_fromAFile_carryTheHerd_andAWrongPasswordLeavesTheLinkDownWithoutShowingIt() throws Exception {
        try (Mosquitto broker = Mosquitto.secured("gateway", "hay-bale-42").start();
                HerdHarness h = HerdHarness.of(3, 2)) {
            Path pw = Files.writeString(tmp.resolve("mqtt-password"), "hay-bale-42\n");
            MqttLinkSettings settings = fast(MqttLinkSettings.of(broker.uri(), "farm2"))
                    .withCaFile(broker.caFile().orElseThrow())
                    .withCredentials("gateway", MqttPassword.fromFile(pw));
            try (MqttLink link = MqttLink.of(settings, h.ingest, Clock.systemUTC());
                    SimulatedMqttRadio radio = SimulatedMqttRadio.connect(settings.withClientId("sim-farm2"), 10_000,
                            h.herd::receive)) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(15), "link up over TLS");
                h.radio(radio);
                h.joinAll(STEP, () -> { });
                h.run(Duration.ofMinutes(2), () -> { });
                h.awaitAllAccepted(Duration.ofSeconds(60));
                assertEquals(Map.of(), h.dropped(), h.summary());
            }

            Path wrong = Files.writeString(tmp.resolve("wrong-password"), "not-the-password\n");
            MqttLinkSettings bad = settings.withClientId("herdgate-wrong")
                    .withCredentials("gateway", MqttPassword.fromFile(wrong));
            try (MqttLink link = MqttLink.of(bad, h.ingest, Clock.systemUTC())) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Down, Duration.ofSeconds(15), "link down");
                LinkState.Down down = assertInstanceOf(LinkState.Down.class, link.state());
                assertFalse(down.error().contains("not-the-password"), down.error());
                assertTrue(down.error().contains(broker.uri()), down.error());
            }
        }
    }

    @Test
    void brokerRestartMidStream_linkReconnects_subscriptionsHold_andNothingIsLost() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
                HerdHarness h = HerdHarness.of(6, 3)) {
            MqttLinkSettings settings = fast(MqttLinkSettings.of(broker.uri(), "farm3"));
            try (MqttLink link = MqttLink.of(settings, h.ingest, Clock.systemUTC());
                    SimulatedMqttRadio radio = SimulatedMqttRadio.connect(settings.withClientId("sim-farm3"), 10_000,
                            h.herd::receive)) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(10), "link up");
                h.radio(radio);
                h.joinAll(STEP, () -> { });
                h.run(Duration.ofMinutes(3), () -> { });

                broker.stop();
                h.await(() -> link.state() instanceof LinkState.Down, Duration.ofSeconds(10), "link down");
                h.run(Duration.ofMinutes(2), () -> { });
                assertTrue(radio.unconfirmed() > 0, "frames wait on the collar side while the broker is away");
                broker.start();
                h.run(Duration.ofMinutes(2), () -> { });

                h.await(() -> link.state() instanceof LinkState.Up && link.stats().reconnects() >= 1,
                        Duration.ofSeconds(30), "link back up");
                h.awaitAllAccepted(Duration.ofSeconds(90));
                // Frames the broker had delivered but not seen acknowledged come again: recognised, not used twice.
                h.dropped().keySet().forEach(r -> assertEquals(RejectReason.REPLAYED, r, h.summary()));
                assertEquals(h.sent(), h.accepted(), h.summary());
                // Downlinks still reach the collars after the restart: events are acknowledged, status flows.
                long out = link.stats().framesOut();
                h.run(Duration.ofMinutes(2), () -> { });
                h.awaitAllAccepted(Duration.ofSeconds(60));
                assertTrue(link.stats().framesIn() > 0 && out >= 6, link.stats().toString());
            }
        }
    }

    @Test
    void firstConnect_whileTheBrokerIsDown_isRetried_andWorksOnceTheBrokerIsUp() throws Exception {
        try (Mosquitto broker = Mosquitto.plain();
                HerdHarness h = HerdHarness.of(4, 4)) {
            MqttLinkSettings settings = fast(MqttLinkSettings.of(broker.uri(), "farm4"));
            try (MqttLink link = MqttLink.of(settings, h.ingest, Clock.systemUTC())) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Down, Duration.ofSeconds(10), "link down");
                HerdHarness.sleep(1_500);
                assertInstanceOf(LinkState.Down.class, link.state());
                assertTrue(((LinkState.Down) link.state()).error().contains("connect to " + broker.uri()),
                        link.state().toString());

                broker.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(15), "link up after retries");
                assertEquals(0, link.stats().reconnects(), "a first connect is not a reconnect");

                try (SimulatedMqttRadio radio = SimulatedMqttRadio.connect(settings.withClientId("sim-farm4"), 10_000,
                        h.herd::receive)) {
                    h.radio(radio);
                    h.joinAll(STEP, () -> { });
                    h.run(Duration.ofMinutes(2), () -> { });
                    h.awaitAllAccepted(Duration.ofSeconds(60));
                    assertEquals(Map.of(), h.dropped(), h.summary());
                }
            }
        }
    }

    @Test
    void fullIngest_stopsAcknowledging_linkWaits_andNothingIsDropped() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
                HerdHarness h = HerdHarness.of(6, 5, io.herdgate.protocol.session.InMemoryCounterStore.create(), 4)) {
            MqttLinkSettings settings = fast(MqttLinkSettings.of(broker.uri(), "farm5")).withReceiveMaximum(8);
            try (MqttLink link = MqttLink.of(settings, h.ingest, Clock.systemUTC());
                    SimulatedMqttRadio radio = SimulatedMqttRadio.connect(settings.withClientId("sim-farm5"), 10_000,
                            h.herd::receive)) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(10), "link up");
                h.radio(radio);
                h.joinAll(STEP, () -> { });
                h.slowIngest(3);
                h.run(Duration.ofMinutes(3), () -> { });
                h.awaitAllAccepted(Duration.ofSeconds(90));

                assertEquals(Map.of(), h.dropped(), h.summary());
                assertTrue(link.stats().handOffWaits() > 0, "the link had to wait: " + link.stats());
                assertTrue(h.ingest.stats().fullWaits() > 0);
                assertTrue(h.ingest.stats().queued() <= 4);
            }
        }
    }

    @Test
    void jsonUplinks_ofPairedCollarsAreUsed_andBadOnesAreDroppedAndCounted() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
                HerdHarness h = HerdHarness.of(2, 6)) {
            MqttLinkSettings settings = fast(MqttLinkSettings.of(broker.uri(), "farm6"));
            try (MqttLink link = MqttLink.of(settings, h.ingest, Clock.systemUTC())) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(10), "link up");
                String status = "{\"type\":\"status\",\"battery_mv\":3600,\"temperature_dc\":215,"
                        + "\"firmware\":\"1.4.2\",\"uptime_s\":86400,\"reset_cause\":\"watchdog\","
                        + "\"frames_sent\":12345,\"frames_dropped\":7}";
                CollarEui paired = CollarEui.of(SimulatedHerd.EUI_BASE + 1);
                CollarEui stranger = CollarEui.parse("70B3D57ED0001234");
                MqttTopics topics = settings.topics();
                try (RawPublisher vendor = RawPublisher.connect(broker.uri())) {
                    vendor.publish(topics.upJson(paired), status);
                    vendor.publish(topics.upJson(stranger), status);
                    vendor.publish(topics.upJson(paired), status.replace("battery_mv", "battery_volts"));
                    vendor.publish(topics.upJson(paired), "{\"type\":\"join_request\",\"collar_nonce\":1,"
                            + "\"firmware\":\"1.0.0\"}");
                    vendor.publish(topics.upJson(paired), "not json");
                }
                h.await(() -> h.ingest.stats().handled() == 2 && link.stats().rejected() == 3,
                        Duration.ofSeconds(10), "JSON uplinks handled");
                assertEquals(1, h.trusted(), h.summary());
                assertEquals(Map.of(RejectReason.UNKNOWN_COLLAR, 1L), h.dropped(), h.summary());
            }
        }
    }

    @Test
    void idleLink_pingsWithinItsKeepAlive_andTheBrokerKeepsTheConnection() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
                HerdHarness h = HerdHarness.of(2, 7)) {
            // Mosquitto drops a client silent for 1.5 keep-alives (7.5 s); the link must ping before that.
            MqttLinkSettings settings = fast(MqttLinkSettings.of(broker.uri(), "farm7")).withKeepAlive(Duration.ofSeconds(5));
            try (MqttLink link = MqttLink.of(settings, h.ingest, Clock.systemUTC())) {
                link.start();
                h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(10), "link up");
                HerdHarness.sleep(9_000);
                assertInstanceOf(LinkState.Up.class, link.state());
                assertEquals(0, link.stats().reconnects(), link.stats().toString());
                try (RawPublisher vendor = RawPublisher.connect(broker.uri())) {
                    vendor.publish(settings.topics().upJson(CollarEui.of(SimulatedHerd.EUI_BASE + 1)),
                            "{\"type\":\"status\",\"battery_mv\":3600,\"temperature_dc\":215,\"firmware\":\"1.4.2\","
                                    + "\"uptime_s\":86400,\"reset_cause\":\"watchdog\",\"frames_sent\":1,\"frames_dropped\":0}");
                }
                h.await(() -> h.ingest.stats().handled() == 1, Duration.ofSeconds(10), "uplink after the idle time");
            }
        }
    }

    /** Short retries so tests do not wait for production back-offs. */
    private static MqttLinkSettings fast(MqttLinkSettings s) {
        return s.withRetry(Duration.ofMillis(200), Duration.ofSeconds(1));
    }


}
