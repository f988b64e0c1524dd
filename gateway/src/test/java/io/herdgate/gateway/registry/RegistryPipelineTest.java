package io.herdgate.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.ingest.FramePipeline;
import io.herdgate.gateway.ingest.InboundFrame;
import io.herdgate.gateway.ingest.IngestResult;
import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.series.CowId;
import io.herdgate.rules.series.Observation;
import io.herdgate.sim.collar.CollarIdentity;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.herd.ManualClock;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame pipeline reading the live registry: pairing changes take effect without a restart. */
class RegistryPipelineTest {

    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    static final CollarEui A = CollarEui.parse("70B3D5499A000001");
    static final CollarEui B = CollarEui.parse("70B3D5499A000002");
    static final AesKey KEY_A = AesKey.ofHex("2b7e151628aed2a6abf7158809cf4f3c");
    static final AesKey KEY_B = AesKey.ofHex("000102030405060708090a0b0c0d0e0f");
    static final CowId COW = CowId.of("17");

    @TempDir
    Path dir;
    Database db;
    final ManualClock clock = ManualClock.of(T0);
    CollarRegistry registry;
    FramePipeline pipeline;
    final List<byte[]> uplinks = new ArrayList<>();
    final List<byte[]> downlinks = new ArrayList<>();
    final List<Observation> observations = new ArrayList<>();
    final List<IngestResult> results = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("herdgate.db"));
        registry = CollarRegistry.open(db, clock);
        pipeline = FramePipeline.builder(registry,
                        JoinServer.of(0x484700, registry, SqliteCounterStore.of(db), clock, new SplittableRandom(1)),
                        SqliteCounterStore.of(db))
                .downlinks((eui, frame) -> downlinks.add(frame))
                .observations(observations::add)
                .sightings(registry::seen)
                .build();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SimulatedCollar collar(CollarEui eui, AesKey key, int seed) {
        CowMotion cow = CowMotion.of(CowTraits.random(seed), clock.instant(), ZoneOffset.UTC, List.of());
        return SimulatedCollar.builder(CollarIdentity.of(eui, key), cow, InMemoryCounterStore.create(), uplinks::add)
                .build();
    }

    /** Runs the collars and the pipeline together in 1-s steps, downlinks going to every collar. */
    private void run(Duration d, SimulatedCollar... collars) {
        Instant end = clock.instant().plus(d);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofSeconds(1));
            for (SimulatedCollar c : collars) {
                c.advanceTo(clock.instant());
                for (byte[] f : List.copyOf(uplinks)) {
                    results.add(pipeline.accept(InboundFrame.of(f, clock.instant(), -70)));
                }
                uplinks.clear();
                for (byte[] f : List.copyOf(downlinks)) {
                    c.receive(f);
                }
                downlinks.clear();
            }
        }
    }

    private long observationsOf(CowId cow, Instant from) {
        return observations.stream().filter(o -> o.cow().equals(cow) && !o.start().isBefore(from)).count();
    }

    @Test
    void unpairWhileRunning_refusesTheCollarsNextFrames() {
        registry.pair(A, Optional.of(KEY_A), COW);
        SimulatedCollar a = collar(A, KEY_A, 3);
        run(Duration.ofMinutes(3), a);
        assertEquals(SimulatedCollar.State.JOINED, a.state());
        long accepted = pipeline.accepted();

        registry.unpair(A);
        results.clear();
        run(Duration.ofMinutes(3), a);

        assertEquals(accepted, pipeline.accepted());
        assertTrue(results.stream().allMatch(r -> r instanceof IngestResult.Dropped d
                && d.reason() == RejectReason.UNKNOWN_COLLAR), "results " + results);
    }

    @Test
    void replacedCollar_feedsTheSameCow_soHerBaselineCarriesOn() {
        registry.pair(A, Optional.of(KEY_A), COW);
        SimulatedCollar a = collar(A, KEY_A, 3);
        run(Duration.ofMinutes(5), a);
        assertTrue(observationsOf(COW, T0) >= 3, "observations " + observations.size());

        registry.pair(B, Optional.of(KEY_B), COW);
        Instant swapped = clock.instant();
        SimulatedCollar b = collar(B, KEY_B, 4);
        run(Duration.ofMinutes(6), a, b);

        assertEquals(SimulatedCollar.State.JOINED, b.state());
        assertTrue(observationsOf(COW, swapped.plusSeconds(60)) >= 3, "the new collar's minutes are the cow's");
        assertTrue(observations.stream().allMatch(o -> o.cow().equals(COW)));
        assertTrue(registry.collars().stream().anyMatch(v -> v.eui().equals(B) && v.lastSeen().isPresent()
                && v.rssiDbm().equals(java.util.OptionalInt.of(-70))));
    }

    @Test
    void pairingMode_nextJoinOfALabelledCollar_pairsItAndItStreams() {
        SimulatedCollar a = collar(A, KEY_A, 3);
        run(Duration.ofMinutes(1), a);
        assertEquals(SimulatedCollar.State.JOINING, a.state(), "an unknown collar cannot join");

        registry.openPairing(List.of(CollarLabel.of(A, KEY_A)), List.of(COW), Duration.ofMinutes(30));
        run(Duration.ofMinutes(20), a);

        assertEquals(SimulatedCollar.State.JOINED, a.state());
        assertEquals(COW, registry.pairing(A).orElseThrow().cow());
        assertTrue(observationsOf(COW, T0) > 0);
    }
}
