package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.FrameLayout;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.message.Message;
import io.herdgate.protocol.message.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hand-off and routing rules, with a scripted pipeline and recording links (no broker, no port involved). */
class IngestTest {

    private static final CollarEui COW_1 = CollarEui.parse("70B3D5499A000001");

    @Test
    void downlinks_goOverTheLinkTheCollarWasLastHeardOn() throws Exception {
        Downlinks downlinks = Downlinks.create();
        RecordingLink serial = new RecordingLink("serial");
        RecordingLink mqtt = new RecordingLink("mqtt");
        downlinks.register(serial);
        downlinks.register(mqtt);
        try (Ingest ingest = Ingest.start(pipeline(r -> accepted()), downlinks, 8, (l, r) -> { })) {
            handOver(ingest, serial.id(), frame(COW_1));
            downlinks.send(COW_1, new byte[] {1});
            handOver(ingest, mqtt.id(), frame(COW_1));
            downlinks.send(COW_1, new byte[] {2});
        }
        assertEquals(List.of(1), serial.sent);
        assertEquals(List.of(2), mqtt.sent);
        assertEquals(0, downlinks.unroutable());
        downlinks.send(CollarEui.parse("70B3D5499A0000FF"), new byte[] {3});
        assertEquals(1, downlinks.unroutable(), "never heard: counted, not sent anywhere");
    }

    @Test
    void aFrameThePipelineDrops_doesNotMoveTheCollarsRoute() throws Exception {
        Downlinks downlinks = Downlinks.create();
        RecordingLink serial = new RecordingLink("serial");
        RecordingLink mqtt = new RecordingLink("mqtt");
        downlinks.register(serial);
        downlinks.register(mqtt);
        AtomicInteger calls = new AtomicInteger();
        // The first frame is authentic, the second (over MQTT) a forgery with the same EUI.
        try (Ingest ingest = Ingest.start(pipeline(f -> calls.getAndIncrement() == 0 ? accepted()
                : new IngestResult.Dropped(RejectReason.BAD_MIC, "forged")), downlinks, 8, (l, r) -> { })) {
            handOver(ingest, serial.id(), frame(COW_1));
            handOver(ingest, mqtt.id(), frame(COW_1));
            assertEquals(1, ingest.stats().dropped());
        }
        assertEquals(Optional.of(serial.id()), downlinks.route(COW_1));
    }

    @Test
    void aFullHandOff_makesTheLinkWait_andCountsIt_withoutDroppingAnything() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<IngestResult> seen = new CopyOnWriteArrayList<>();
        try (Ingest ingest = Ingest.start(pipeline(f -> {
            await(release);
            return accepted();
        }), Downlinks.create(), 2, (l, r) -> seen.add(r))) {
            LinkId link = LinkId.of("serial");
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 6; i++) {
                    try {
                        ingest.put(Arrival.of(link, frame(COW_1)));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            producer.start();
            producer.join(300);
            assertTrue(producer.isAlive(), "the producer waits while the hand-off is full");
            assertTrue(ingest.stats().queued() <= 2);
            release.countDown();
            producer.join(5_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ingest.stats().handled() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(6, ingest.stats().handled());
            assertEquals(6, seen.size());
            assertTrue(ingest.stats().fullWaits() >= 1, ingest.stats().toString());
        }
    }

    @Test
    void whileItsStepAsideHoldsIt_theIngestHandlesNothing_andResumesAfter() throws Exception {
        CountDownLatch callsEnded = new CountDownLatch(1); // stands for the critical sends under way (CriticalCalls)
        AtomicInteger handled = new AtomicInteger();
        try (Ingest ingest = Ingest.start(pipeline(f -> {
            handled.incrementAndGet();
            return accepted();
        }), Downlinks.create(), 4, (l, r) -> { }, () -> await(callsEnded))) {
            ingest.put(Arrival.of(LinkId.of("mqtt"), frame(COW_1)));
            Thread.sleep(200);
            assertEquals(0, handled.get(), "held while the sends are under way");
            callsEnded.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (handled.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, handled.get(), "handled once they ended");
        }
    }

    @Test
    void aPipelineFailure_isCounted_andTheNextFrameIsStillHandled() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger acked = new AtomicInteger();
        try (Ingest ingest = Ingest.start(pipeline(f -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("bug");
            }
            return accepted();
        }), Downlinks.create(), 4, (l, r) -> { })) {
            LinkId link = LinkId.of("mqtt");
            ingest.put(new Arrival.Frame(link, frame(COW_1), acked::incrementAndGet));
            ingest.put(new Arrival.Frame(link, frame(COW_1), acked::incrementAndGet));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ingest.stats().handled() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, ingest.stats().failed());
            assertEquals(1, ingest.stats().accepted());
            assertEquals(2, acked.get(), "both acknowledged, so a poison message is not redelivered forever");
        }
    }

    @Test
    void aBurstOfSeveralBatches_isHandledInArrivalOrder_eachAcknowledgedRightAfterItsOwnHandling() throws Exception {
        int frames = 3 * Ingest.BATCH + 5;
        CountDownLatch release = new CountDownLatch(1);
        List<Long> handled = new CopyOnWriteArrayList<>();
        List<String> wrongAcks = new CopyOnWriteArrayList<>();
        CountDownLatch allAcked = new CountDownLatch(frames);
        try (Ingest ingest = Ingest.start(pipeline(f -> {
            await(release);
            handled.add(f.receivedAt().getEpochSecond());
            return accepted();
        }), Downlinks.create(), frames, (l, r) -> { })) {
            LinkId link = LinkId.of("mqtt");
            for (int i = 0; i < frames; i++) {
                long n = i;
                // The frame's number rides in its reception time; its acknowledgement checks it was the last handled.
                InboundFrame f = InboundFrame.of(frame(COW_1).bytes(), Instant.ofEpochSecond(n));
                ingest.put(new Arrival.Frame(link, f, () -> {
                    if (handled.size() != n + 1 || handled.get((int) n) != n) {
                        wrongAcks.add("ack of " + n + " after " + handled);
                    }
                    allAcked.countDown();
                }));
            }
            release.countDown();
            assertTrue(allAcked.await(10, TimeUnit.SECONDS), "every frame acknowledged");
        }
        assertEquals(java.util.stream.LongStream.range(0, frames).boxed().toList(), handled);
        assertEquals(List.of(), wrongAcks);
    }

    @Test
    void capacity_outOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Ingest.start(pipeline(f -> accepted()), Downlinks.create(), 0, (l, r) -> { }));
    }

    private static void handOver(Ingest ingest, LinkId link, InboundFrame frame) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        ingest.put(new Arrival.Frame(link, frame, done::countDown));
        assertTrue(done.await(5, TimeUnit.SECONDS));
    }

    private static IngestResult accepted() {
        return new IngestResult.Accepted(COW_1, MessageType.STATUS, 1);
    }

    /** Bytes with the collar's EUI where a frame has it; the scripted pipeline does not look further. */
    private static InboundFrame frame(CollarEui eui) {
        byte[] b = new byte[FrameLayout.MIN_FRAME];
        for (int i = 0; i < 8; i++) {
            b[FrameLayout.OFFSET_EUI + i] = (byte) (eui.value() >>> (8 * i));
        }
        return InboundFrame.of(b, Instant.EPOCH);
    }

    private static IngestHandler pipeline(java.util.function.Function<InboundFrame, IngestResult> frames) {
        return new IngestHandler() {
            @Override
            public IngestResult frame(InboundFrame frame) {
                return frames.apply(frame);
            }

            @Override
            public IngestResult json(CollarEui eui, Message message, Instant receivedAt) {
                throw new AssertionError("no JSON in these tests");
            }
        };
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A link that records the first byte of each downlink. */
    private static final class RecordingLink implements Link {
        final List<Integer> sent = new CopyOnWriteArrayList<>();
        private final LinkId id;

        RecordingLink(String id) {
            this.id = LinkId.of(id);
        }

        @Override
        public LinkId id() {
            return id;
        }

        @Override
        public LinkState state() {
            return new LinkState.Up(Instant.EPOCH);
        }

        @Override
        public LinkStats stats() {
            return new LinkStats(id, "test", state(), 0, 0, sent.size(), 0, 0, 0, 0);
        }

        @Override
        public void start() {
        }

        @Override
        public boolean send(CollarEui eui, byte[] frame) {
            return sent.add((int) frame[0]);
        }

        @Override
        public void close() {
        }
    }
}
