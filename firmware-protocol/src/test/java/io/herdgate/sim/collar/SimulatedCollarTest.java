package io.herdgate.sim.collar;

import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.firmware.ImageSigner;
import io.herdgate.protocol.firmware.SignedImage;
import io.herdgate.protocol.firmware.SimulatedFlash;
import io.herdgate.protocol.firmware.VendorKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.Freshness;
import io.herdgate.protocol.frame.MicCheck;
import io.herdgate.protocol.message.AccelRange;
import io.herdgate.protocol.message.Ack;
import io.herdgate.protocol.message.CollarConfig;
import io.herdgate.protocol.message.CollarEvent;
import io.herdgate.protocol.message.CollarStatus;
import io.herdgate.protocol.message.FirmwareCommand;
import io.herdgate.protocol.message.FirmwareReply;
import io.herdgate.protocol.message.FirmwareVersion;
import io.herdgate.protocol.message.JoinRequest;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.message.SampleBatch;
import io.herdgate.protocol.message.TimeSync;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.event.CollarOff;
import io.herdgate.sim.event.Episode;
import io.herdgate.sim.event.RadioLoss;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedCollarTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final CollarEui EUI = CollarEui.parse("70B3D5499A000001");
    private static final AesKey ROOT = AesKey.ofHex("2B7E151628AED2A6ABF7158809CF4F3C");

    private final GatewayStub gateway = new GatewayStub(T0);
    private final InMemoryCounterStore collarFlash = InMemoryCounterStore.create();

    private SimulatedCollar collar(List<Episode> episodes, int bufferFrames) {
        gateway.rootKeys.put(EUI, ROOT);
        CowMotion cow = CowMotion.of(CowTraits.random(5), T0, ZoneOffset.UTC, episodes);
        return SimulatedCollar.builder(CollarIdentity.of(EUI, ROOT), cow, collarFlash, gateway)
                .episodes(episodes).bufferFrames(bufferFrames).build();
    }

    /** Advances in 1-s steps, delivering the gateway's downlinks after each. */
    private void run(SimulatedCollar c, Duration d) {
        Instant end = c.now().plus(d);
        while (c.now().isBefore(end)) {
            c.advanceTo(c.now().plusSeconds(1));
            gateway.deliver(c);
        }
    }

    @Test
    void collar_joinsThroughTheJoinServer_andEveryFrameDecodesWithAGoodMic() {
        SimulatedCollar c = collar(List.of(), 256);
        run(c, Duration.ofMinutes(5));

        assertEquals(SimulatedCollar.State.JOINED, c.state());
        List<Decoded> frames = gateway.decoded();
        assertEquals(gateway.results.size(), frames.size(), "rejected frames: " + gateway.results);
        assertEquals(MessageType.JOIN_REQUEST, frames.get(0).header().type());
        long expected = 0;
        for (Decoded d : frames.subList(1, frames.size())) {
            assertEquals(MicCheck.OK, d.mic());
            assertEquals(Freshness.FRESH, d.freshness());
            assertTrue(d.header().encrypted());
            assertEquals(expected++, d.header().counter(), "counters run 0, 1, 2... after the join");
        }
        assertEquals(1, gateway.messages(CollarStatus.class).size(), "status right after the join");
        int samples = gateway.messages(SampleBatch.class).stream().mapToInt(SampleBatch::count).sum();
        // joined within the first 30 s; 10 Hz from then on, in 10-s batches
        assertTrue(samples >= 2_600 && samples <= 3_000, "samples " + samples);
        gateway.messages(SampleBatch.class).forEach(b -> {
            assertEquals(1000, b.rateCentiHz());
            assertEquals(AccelRange.G4, b.range());
        });
    }

    @Test
    void sampleBatches_carryAboutOneGOfGravity() {
        SimulatedCollar c = collar(List.of(), 256);
        run(c, Duration.ofMinutes(3));
        double sum = 0;
        int n = 0;
        for (SampleBatch b : gateway.messages(SampleBatch.class)) {
            double mg = b.range().milliGPerCount();
            for (int i = 0; i < b.count(); i++) {
                sum += Math.sqrt(Math.pow(b.x(i) * mg, 2) + Math.pow(b.y(i) * mg, 2) + Math.pow(b.z(i) * mg, 2));
                n++;
            }
        }
        assertEquals(1000, sum / n, 80, "mean |a| in mg");
    }

    @Test
    void restart_joinsAgainWithTheNextNonce_andCountersStartAtZeroUnderTheNewKeys() {
        SimulatedCollar c = collar(List.of(), 256);
        run(c, Duration.ofMinutes(2));
        c.restart(ResetCause.WATCHDOG);
        gateway.results.clear();
        run(c, Duration.ofMinutes(2));

        List<JoinRequest> joins = gateway.messages(JoinRequest.class);
        assertEquals(1, joins.get(0).collarNonce(), "nonce continues from the collar's flash");
        List<Decoded> frames = gateway.decoded();
        assertEquals(gateway.results.size(), frames.size(), "rejected: " + gateway.results);
        assertEquals(0, frames.get(1).header().counter());
        CollarStatus status = gateway.messages(CollarStatus.class).get(0);
        assertEquals(ResetCause.WATCHDOG, status.resetCause());
        assertTrue(status.uptimeS() < 60, "uptime restarts: " + status.uptimeS());
    }

    @Test
    void radioLoss_buffersTheNewestFrames_dropsAndCountsTheRest_andDatesThemRight() {
        Instant lossStart = T0.plus(Duration.ofMinutes(10));
        SimulatedCollar c = collar(List.of(RadioLoss.of(lossStart, Duration.ofHours(1))), 100);
        run(c, Duration.ofMinutes(10));
        int before = gateway.results.size();
        run(c, Duration.ofMinutes(30));
        assertEquals(before, gateway.results.size(), "nothing on air during the loss");
        assertEquals(100, c.buffered());
        run(c, Duration.ofMinutes(31));

        assertEquals(0, c.buffered());
        // in the hour: the batches of the default config, each split into frames of at most MAX_SAMPLES,
        // and the status frames (one frame more when a batch ends on the boundary); 100 fit
        CollarConfig d = CollarConfig.defaults();
        int samplesPerBatch = d.batchSeconds() * d.sampleRateCentiHz() / 100;
        long perHour = 3600 / d.batchSeconds()
                * ((samplesPerBatch + SampleBatch.MAX_SAMPLES - 1) / SampleBatch.MAX_SAMPLES) + 3600 / d.statusIntervalS();
        assertTrue(Math.abs(c.framesDropped() - (perHour - 100)) <= 3,
                "dropped " + c.framesDropped() + ", expected about " + (perHour - 100));
        List<Decoded> frames = gateway.decoded();
        assertEquals(gateway.results.size(), frames.size(), "rejected: " + gateway.results.stream()
                .filter(r -> !r.isDecoded()).toList());
        // the oldest batch that survived began about 100 frames' worth of time before the link came back
        SampleBatch firstAfter = (SampleBatch) frames.get(before).message();
        long expectedAgeMs = 3_600_000L * 100 / perHour + 60_000; // plus the minute run after the loss
        assertEquals(expectedAgeMs, firstAfter.firstSampleAgeMs(), 60_000);
        run(c, Duration.ofMinutes(16));
        List<CollarStatus> statuses = gateway.messages(CollarStatus.class);
        assertEquals(c.framesDropped(), statuses.get(statuses.size() - 1).framesDropped(), "status reports the drops");
    }

    @Test
    void configDownlink_changesRateAndRange_andLargeBatchesAreSplit() {
        SimulatedCollar c = collar(List.of(), 256);
        run(c, Duration.ofMinutes(1));
        CollarSession gw = gateway.sessions.get(EUI);
        c.receive(gw.encode(CollarConfig.of(2500, AccelRange.G8, 10, 0, 3000, 300, 3600, 900),
                FrameOptions.PLAIN));
        gateway.results.clear();
        run(c, Duration.ofMinutes(1));

        List<SampleBatch> batches = gateway.messages(SampleBatch.class);
        assertTrue(batches.stream().allMatch(b -> b.rateCentiHz() == 2500 && b.range() == AccelRange.G8));
        assertTrue(batches.stream().allMatch(b -> b.count() <= SampleBatch.MAX_SAMPLES));
        int samples = batches.stream().mapToInt(SampleBatch::count).sum();
        assertEquals(60 * 25, samples, 25 * 10, "samples in a minute at 25 Hz");
    }

    @Test
    void firmwareUpdate_overTheAir_testBootsAndRejoinsWithTheNewVersion() {
        KeyPair vendor = ImageSigner.generateKeyPair();
        byte[] bytes = new byte[1_000];
        new Random(3).nextBytes(bytes);
        SignedImage image = ImageSigner
                .of(vendor.getPrivate()).sign(bytes, FirmwareVersion.of(1, 1, 0), 3);
        gateway.rootKeys.put(EUI, ROOT);
        CowMotion cow = CowMotion.of(CowTraits.random(5), T0, ZoneOffset.UTC, List.of());
        SimulatedCollar c = SimulatedCollar.builder(CollarIdentity.of(EUI, ROOT), cow, collarFlash, gateway)
                .firmware(FirmwareAgent.updatable(SimulatedFlash.of(4096,
                        FirmwareVersion.of(1, 0, 0)),
                        VendorKey.of(vendor.getPublic()), 3))
                .build();
        run(c, Duration.ofMinutes(1));
        Consumer<FirmwareCommand> command = cmd -> {
            assertTrue(c.receive(gateway.sessions.get(EUI).encode(cmd, FrameOptions.PLAIN))
                    .isDecoded());
            run(c, Duration.ofSeconds(2));
        };
        command.accept(image.begin());
        for (long off = 0; off < image.size(); off += 192) {
            command.accept(image.chunk(off, 192));
        }
        command.accept(FirmwareCommand.TestBoot.of(image.image()));
        run(c, Duration.ofMinutes(1));

        List<FirmwareReply> replies =
                gateway.messages(FirmwareReply.class);
        assertTrue(replies.stream().anyMatch(r -> r instanceof FirmwareReply.Verified),
                "replies " + replies);
        assertTrue(replies.get(replies.size() - 1) instanceof FirmwareReply.Booted);
        List<JoinRequest> joins = gateway.messages(JoinRequest.class);
        assertEquals(2, joins.size(), "the test boot resets the collar, which joins again");
        assertEquals(FirmwareVersion.of(1, 1, 0), joins.get(1).firmware());
        assertEquals(SimulatedCollar.State.JOINED, c.state());
        CollarStatus status = gateway.messages(CollarStatus.class).get(gateway.messages(CollarStatus.class).size() - 1);
        assertEquals(ResetCause.FIRMWARE_UPDATE, status.resetCause());
    }

    @Test
    void timeSync_setsTheCollarClock() {
        SimulatedCollar c = collar(List.of(), 256);
        run(c, Duration.ofMinutes(1));
        Instant gatewayTime = Instant.parse("2026-03-02T06:01:00.500Z");
        DecodeResult r = c.receive(gateway.sessions.get(EUI).encode(TimeSync.of(gatewayTime.toEpochMilli()),
                FrameOptions.PLAIN));
        assertTrue(r.isDecoded(), r.toString());
        run(c, Duration.ofHours(1));
        Instant expected = gatewayTime.plus(Duration.ofHours(1));
        // ±20 ppm drift over an hour is at most 72 ms
        assertEquals(expected.toEpochMilli(), c.collarClock().orElseThrow().toEpochMilli(), 100);
    }

    @Test
    void collarFallingOff_reportsFreeFallImpactAndRemoval_repeatingUntilAcked() {
        Instant off = T0.plus(Duration.ofMinutes(5));
        SimulatedCollar c = collar(List.of(CollarOff.of(off, Duration.ofHours(3))), 256);
        run(c, Duration.ofMinutes(5));
        gateway.results.clear();
        run(c, Duration.ofMinutes(70));

        List<CollarEvent> events = gateway.messages(CollarEvent.class);
        List<CollarEvent.Kind> kinds = events.stream().map(CollarEvent::kind).distinct().toList();
        assertTrue(kinds.containsAll(List.of(CollarEvent.Kind.FREE_FALL, CollarEvent.Kind.IMPACT,
                CollarEvent.Kind.COLLAR_REMOVED)), "events " + events);
        // never acked: each event went out four times, each time as a fresh frame asking for an ack
        for (CollarEvent.Kind k : kinds) {
            assertEquals(4, events.stream().filter(e -> e.kind() == k).count(), k + " sends");
        }
        assertEquals(gateway.results.size(), gateway.decoded().size(), "all repeats pass the replay check");
        CollarEvent removal = events.stream().filter(e -> e.kind() == CollarEvent.Kind.COLLAR_REMOVED)
                .findFirst().orElseThrow();
        assertTrue(removal.durationMs() == 0xFFFF, "removal reported after an hour of stillness");
    }

    @Test
    void ackedEvent_isNotRepeated() {
        Instant off = T0.plus(Duration.ofMinutes(5));
        SimulatedCollar c = collar(List.of(CollarOff.of(off, Duration.ofHours(3))), 256);
        run(c, Duration.ofMinutes(5));
        gateway.results.clear();
        CollarSession gw = gateway.sessions.get(EUI);
        Instant end = c.now().plus(Duration.ofMinutes(5));
        while (c.now().isBefore(end)) {
            int seen = gateway.results.size();
            c.advanceTo(c.now().plusSeconds(1));
            for (DecodeResult r : gateway.results.subList(seen, gateway.results.size())) {
                if (r instanceof Decoded d && d.header().ackRequested()) {
                    c.receive(gw.encode(Ack.of(d.header().counter()), FrameOptions.PLAIN));
                }
            }
        }
        List<CollarEvent> events = gateway.messages(CollarEvent.class);
        assertEquals(List.of(CollarEvent.Kind.FREE_FALL, CollarEvent.Kind.IMPACT),
                events.stream().map(CollarEvent::kind).toList(), "each event once: " + events);
    }
}
