package io.herdgate.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.testing.Mosquitto;
import io.herdgate.rules.series.CowId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge against a real mosquitto that goes away and comes back. */
class UpstreamTest {

    private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String EVENTS = "herdgate/+/events/#";

    @TempDir
    Path dir;

    private static UpstreamSettings settings(Mosquitto broker) {
        return UpstreamSettings.of(broker.uri(), GatewayName.of("farm1"))
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    private static UpstreamEvent minute(int i) {
        return UpstreamEvent.FeatureMinute.of(CowId.of("7019"), T0.plusSeconds(60L * i), Map.of("activity", (double) i));
    }

    private static void awaitEmpty(Upstream upstream) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (upstream.status().queued() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, upstream.status().queued(), "queue not drained: " + upstream.status());
    }

    @Test
    void events_whileBrokerIsDown_areKeptAndDeliveredInOrderWhenItIsBack() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
             Database db = Database.open(dir.resolve("herdgate.db"))) {
            UpstreamSubscriber consumer = UpstreamSubscriber.connect(broker.uri(), EVENTS);
            broker.stop();
            try (Upstream upstream = Upstream.start(settings(broker), db, CLOCK)) {
                IntStream.range(0, 40).forEach(i -> upstream.publish(minute(i)));

                assertEquals(40, upstream.status().queued());
                assertFalse(upstream.status().connected());

                broker.start();
                consumer.reconnect();
                List<UpstreamSubscriber.Received> got = consumer.take(40, 20);

                for (int i = 0; i < 40; i++) {
                    assertEquals("herdgate/farm1/events/features", got.get(i).topic());
                    assertEquals(i, got.get(i).json().get("values").get("activity").asInt(), "in order");
                    assertEquals(i + 1, got.get(i).json().get("seq").asLong());
                }
                awaitEmpty(upstream);
                assertTrue(upstream.status().connected());
                assertEquals(T0, upstream.status().lastDelivered().orElseThrow());
            }
            consumer.close();
        }
    }

    @Test
    void brokerRestart_midStream_losesNothing() throws Exception {
        try (Mosquitto broker = Mosquitto.plain().start();
             Database db = Database.open(dir.resolve("herdgate.db"));
             Upstream upstream = Upstream.start(settings(broker), db, CLOCK)) {
            UpstreamSubscriber consumer = UpstreamSubscriber.connect(broker.uri(), EVENTS);
            IntStream.range(0, 150).forEach(i -> upstream.publish(minute(i)));
            broker.restart();
            IntStream.range(150, 300).forEach(i -> upstream.publish(minute(i)));
            consumer.reconnect();

            TreeSet<Long> seqs = new TreeSet<>();
            while (seqs.size() < 300) {
                UpstreamSubscriber.Received r = consumer.next(20).orElseThrow(
                        () -> new AssertionError("missing seqs: only " + seqs.size() + " of 300 arrived"));
                seqs.add(r.json().get("seq").asLong()); // a repeat after the restart is allowed (at least once)
            }
            assertEquals(1, seqs.first());
            assertEquals(300, seqs.last());
            awaitEmpty(upstream);
            consumer.close();
        }
    }

    @Test
    void settings_withBadValues_areRejectedNamingTheKeyAndTheAllowedForm() {
        GatewayName farm = GatewayName.of("farm1");
        assertEquals("upstream.broker must be tcp://host:port or ssl://host:port: 'mqtt://x:1883'",
                assertThrows(IllegalArgumentException.class,
                        () -> UpstreamSettings.of("mqtt://x:1883", farm)).getMessage());
        assertEquals("upstream.queue_capacity must be 1..10000000: 0",
                assertThrows(IllegalArgumentException.class,
                        () -> UpstreamSettings.of("tcp://x:1883", farm).withQueueCapacity(0)).getMessage());
        assertEquals("gateway name must be 1-64 letters, digits or '-', e.g. farm1: 'farm/1'",
                assertThrows(IllegalArgumentException.class, () -> GatewayName.of("farm/1")).getMessage());
        assertFalse(UpstreamSettings.of("tcp://x:1883", farm).withLogin("farm1", "s3cret").toString().contains("s3cret"));
    }
}
