package io.herdgate.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.herdgate.gateway.alarm.AlarmView;
import io.herdgate.gateway.config.ConfigCheck;
import io.herdgate.gateway.config.GatewayConfigFile;
import io.herdgate.gateway.link.MqttLinkSettings;
import io.herdgate.gateway.link.SimulatedMqttRadio;
import io.herdgate.gateway.notify.PhoneNumber;
import io.herdgate.gateway.notify.Reply;
import io.herdgate.gateway.runtime.Gateway;
import io.herdgate.gateway.runtime.GatewayStatus;
import io.herdgate.gateway.testing.GatewayFiles;
import io.herdgate.gateway.testing.Mosquitto;
import io.herdgate.gateway.testing.RegisteredHerd;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.rules.alarm.AlarmType;
import io.herdgate.sim.herd.HerdConfig;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.herd.SimulatedHerd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6, upstream: three gateways, each started from its own herdgate.yaml (own data directory, own
 * collars over the MQTT link, {@code upstream:} to one shared mosquitto), run their simulated herds. The
 * detectors raise battery alarms (the rules file sets the threshold above any collar's voltage); on farm2
 * Anna, from that gateway's contact list, acknowledges hers by reply. The upstream consumer sees every
 * gateway apart, per-minute features, collar status and health, and farm2's alarm raised, then
 * acknowledged by anna.
 */
class UpstreamGatewaysTest {

    private static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
    private static final PhoneNumber ANNA = PhoneNumber.of("+4915112345678");

    @TempDir
    Path dir;

    @Test
    void threeGatewaysFromTheirConfigFiles_oneBroker_alarmAcknowledgedOnFarm2IsSeenUpstream() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
             UpstreamSubscriber consumer = UpstreamSubscriber.connect(broker.uri(), "herdgate/+/events/#")) {
            List<Farm> farms = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) {
                    farms.add(Farm.start(dir.resolve("farm" + i), "farm" + i, broker, i));
                }
                for (Farm f : farms) {
                    f.run(Duration.ofMinutes(12));
                }
                Farm farm2 = farms.get(1);
                AlarmView battery = farm2.gateway.alarmDesk().alarms(false).stream()
                        .filter(v -> v.type() == AlarmType.BATTERY).findFirst()
                        .orElseThrow(() -> new AssertionError("no battery alarm on farm2: " + farm2.gateway.status()));
                farm2.gateway.alarmDesk().onReply(new Reply.Acknowledge(ANNA, farm2.clock.instant(), battery.id()));
                for (Farm f : farms) {
                    f.run(Duration.ofMinutes(2));
                }
                for (Farm f : farms) {
                    f.awaitUpstreamSent();
                }
            } finally {
                for (Farm f : farms) {
                    f.close();
                }
            }

            List<UpstreamSubscriber.Received> all = new ArrayList<>();
            for (var r = consumer.next(10); r.isPresent(); r = consumer.next(3)) {
                all.add(r.get());
            }
            Map<String, List<UpstreamSubscriber.Received>> byGateway = all.stream()
                    .collect(Collectors.groupingBy(r -> r.json().get("gateway").asText()));
            assertEquals(List.of("farm1", "farm2", "farm3"), byGateway.keySet().stream().sorted().toList());
            for (var e : byGateway.entrySet()) {
                List<String> types = e.getValue().stream().map(r -> r.json().get("type").asText()).distinct().sorted().toList();
                assertEquals(List.of("alarm", "collar", "features", "health"), types, e.getKey());
                List<Long> seqs = e.getValue().stream().map(r -> r.json().get("seq").asLong()).toList();
                assertEquals(seqs.stream().sorted().distinct().toList(), seqs, e.getKey() + ": in order, no repeats");
                assertTrue(e.getValue().stream().allMatch(r -> r.topic().startsWith("herdgate/" + e.getKey() + "/events/")));
            }
            List<String> farm2Battery = byGateway.get("farm2").stream()
                    .filter(r -> r.json().get("type").asText().equals("alarm") && r.json().get("alarm").asText().equals("battery"))
                    .filter(r -> r.json().get("cow").asText().equals("1"))
                    .map(r -> r.json().get("state").asText() + r.json().path("by").asText("")).toList();
            assertEquals(List.of("raised", "acknowledgedanna"), farm2Battery);
            assertTrue(byGateway.get("farm1").stream().noneMatch(r -> r.json().path("state").asText().equals("acknowledged")));
        }
    }

    /** One farm: a gateway from its configuration file, its herd over MQTT, simulated time a minute at a time. */
    private static final class Farm implements AutoCloseable {
        final ManualClock clock = ManualClock.of(START);
        final BlockingQueue<byte[]> downlinks = new LinkedBlockingQueue<>();
        Gateway gateway;
        SimulatedMqttRadio radio;
        SimulatedHerd herd;
        long sent;

        static Farm start(Path dir, String name, Mosquitto broker, long seed) throws Exception {
            Files.createDirectories(dir);
            Path config = GatewayFiles.in(dir)
                    .contacts(GatewayFiles.farmer(ANNA, "en"))
                    .rules("""
                            version: 1
                            herd:
                              battery:
                                low_mv: 5000
                                min_readings: 1
                            """)
                    .yaml("""
                            links:
                              mqtt:
                                broker: %s
                                gateway_name: %s
                            upstream:
                              broker: %s
                              gateway: %s
                            """.formatted(broker.uri(), name, broker.uri(), name))
                    .write();
            HerdConfig herdConfig = HerdConfig.of(2, seed, START, Duration.ofDays(1));
            RegisteredHerd.register(dir.resolve("data"), herdConfig);
            ConfigCheck check = GatewayConfigFile.read(config);
            Farm f = new Farm();
            f.gateway = Gateway.builder(assertInstanceOf(ConfigCheck.Valid.class, check, check.toString()).config())
                    .clock(f.clock).ticker(f::nanos).manualSchedule().unsyncedStorage().start();
            f.radio = SimulatedMqttRadio.connect(MqttLinkSettings.of(broker.uri(), name).withClientId("collars-" + name),
                    10_000, f.downlinks::add);
            f.herd = SimulatedHerd.of(herdConfig, f::transmit);
            return f;
        }

        /** The link dates a frame by the clock at arrival: the clock is the frame's time until it is handled. */
        private void transmit(byte[] frame) {
            clock.set(herd.now());
            radio.send(frame);
            sent++;
            if (FrameParser.check(frame, 0, frame.length).isEmpty()
                    && FrameParser.header(frame, 0).type() == MessageType.JOIN_REQUEST) {
                try {
                    byte[] accept = downlinks.poll(20, TimeUnit.SECONDS);
                    if (accept == null) {
                        fail("no join accept within 20 s");
                    }
                    herd.receive(accept);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(e);
                }
            } else {
                awaitHandled();
            }
        }

        void run(Duration d) {
            Instant to = herd.now().plus(d);
            for (Instant t = herd.now(); t.isBefore(to); ) {
                t = t.plus(Duration.ofMinutes(1));
                herd.advanceTo(t);
                awaitHandled();
                for (byte[] b; (b = downlinks.poll()) != null; ) {
                    herd.receive(b);
                }
                clock.set(t);
                gateway.runSchedule();
            }
        }

        private void awaitHandled() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                GatewayStatus s = gateway.status();
                if (s.framesAccepted() + s.framesRejected() >= sent) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("the gateway handled " + (s.framesAccepted() + s.framesRejected()) + " of " + sent + " frames");
                }
                LockSupport.parkNanos(50_000);
            }
        }

        void awaitUpstreamSent() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (gateway.upstreamStatus().orElseThrow().queued() > 0) {
                if (System.nanoTime() > deadline) {
                    fail("upstream not drained: " + gateway.upstreamStatus());
                }
                LockSupport.parkNanos(10_000_000);
            }
        }

        private long nanos() {
            Instant t = clock.instant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }

        @Override
        public void close() throws Exception {
            if (radio != null) {
                radio.close();
            }
            if (gateway != null) {
                gateway.close();
            }
        }
    }
}
