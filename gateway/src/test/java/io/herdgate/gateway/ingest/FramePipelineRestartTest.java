package io.herdgate.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.gateway.store.SqlitePostureStore;
import io.herdgate.gateway.store.SqliteSessionStore;
import io.herdgate.protocol.crypto.AesKey;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.join.JoinServer;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.rules.behaviour.PostureReference;
import io.herdgate.rules.series.CowId;
import io.herdgate.sim.collar.CollarIdentity;
import io.herdgate.sim.collar.SimulatedCollar;
import io.herdgate.sim.motion.CowMotion;
import io.herdgate.sim.motion.CowTraits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline closed and built again over the same SQLite file, as at a gateway restart or power cut. */
class FramePipelineRestartTest {

    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final CollarEui EUI = CollarEui.parse("70B3D5499A000001");
    private static final AesKey ROOT = AesKey.ofHex("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final AesKey OTHER_ROOT = AesKey.ofHex("000102030405060708090A0B0C0D0E0F");
    private static final CowId COW = CowId.of("17");

    private final List<byte[]> uplinks = new ArrayList<>();
    private final List<byte[]> downlinks = new ArrayList<>();
    private final List<IngestResult> results = new ArrayList<>();

    private FramePipeline pipeline(Database db, List<Pairing> pairings) {
        return pipeline(db, pairings, SqlitePostureStore.of(db));
    }

    private FramePipeline pipeline(Database db, List<Pairing> pairings, PostureStore postures) {
        CollarDirectory directory = CollarDirectory.of(pairings);
        SqliteCounterStore counters = SqliteCounterStore.of(db);
        return FramePipeline.builder(directory,
                        JoinServer.of(0x484700, directory, counters, Clock.fixed(T0, ZoneOffset.UTC), new SplittableRandom(1)),
                        counters)
                .downlinks((eui, frame) -> downlinks.add(frame))
                .sessions(SqliteSessionStore.of(db))
                .postures(postures)
                .build();
    }

    private SimulatedCollar collar() {
        CowMotion cow = CowMotion.of(CowTraits.random(3), T0, ZoneOffset.UTC, List.of());
        return SimulatedCollar.builder(CollarIdentity.of(EUI, ROOT), cow, InMemoryCounterStore.create(), uplinks::add)
                .build();
    }

    /** Runs collar and pipeline in 1-s steps; returns every uplink frame the collar sent. */
    private List<byte[]> run(SimulatedCollar c, FramePipeline p, Duration d) {
        List<byte[]> sent = new ArrayList<>();
        Instant end = c.now().plus(d);
        while (c.now().isBefore(end)) {
            c.advanceTo(c.now().plusSeconds(1));
            for (byte[] f : List.copyOf(uplinks)) {
                sent.add(f);
                results.add(p.accept(InboundFrame.of(f, c.now())));
            }
            uplinks.clear();
            downlinks.forEach(c::receive);
            downlinks.clear();
        }
        return sent;
    }

    @Test
    void restart_collarGoesOnWithoutJoiningAgain_andAPreRestartFrameIsReplayed(@TempDir Path dir) {
        Path file = dir.resolve("herdgate.db");
        SimulatedCollar c = collar();
        List<byte[]> before;
        try (Database db = Database.open(file)) {
            before = run(c, pipeline(db, List.of(Pairing.of(EUI, ROOT, COW))), Duration.ofMinutes(3));
        }
        assertEquals(SimulatedCollar.State.JOINED, c.state());
        results.clear();

        try (Database db = Database.open(file)) {
            FramePipeline p = pipeline(db, List.of(Pairing.of(EUI, ROOT, COW)));
            assertEquals(1, p.joinedCollars(), "the session is back before the collar says a word");
            run(c, p, Duration.ofMinutes(3));

            assertTrue(results.stream().noneMatch(r -> r instanceof IngestResult.Joined), "no new join: " + results);
            assertTrue(results.stream().allMatch(r -> r instanceof IngestResult.Accepted), "all accepted: " + results);
            assertTrue(results.size() > 10, "frames after the restart " + results.size());
            IngestResult replay = p.accept(InboundFrame.of(before.get(before.size() - 2), c.now()));
            assertEquals(RejectReason.REPLAYED, assertInstanceOf(IngestResult.Dropped.class, replay).reason());
        }
    }

    @Test
    void restart_repeatedJoinRequest_getsTheSavedAcceptAgain(@TempDir Path dir) {
        Path file = dir.resolve("herdgate.db");
        SimulatedCollar c = collar();
        byte[] request;
        byte[] accept;
        try (Database db = Database.open(file)) {
            FramePipeline p = pipeline(db, List.of(Pairing.of(EUI, ROOT, COW)));
            while (uplinks.isEmpty()) {
                c.advanceTo(c.now().plusSeconds(1));
            }
            request = uplinks.remove(0);
            assertInstanceOf(IngestResult.Joined.class, p.accept(InboundFrame.of(request, c.now())));
            accept = downlinks.remove(0);
        }
        // The accept was lost on air while the gateway went down: the collar asks again with the same request.
        try (Database db = Database.open(file)) {
            FramePipeline p = pipeline(db, List.of(Pairing.of(EUI, ROOT, COW)));
            assertInstanceOf(IngestResult.Duplicate.class, p.accept(InboundFrame.of(request, c.now())));
            assertEquals(1, downlinks.size());
            assertArrayEquals(accept, downlinks.get(0), "the accept sent before the restart, not a new grant");
        }
    }

    /** A collar joins and streams for a minute over a fresh file, then the gateway stops. */
    private SimulatedCollar joinedThenStopped(Path file) {
        SimulatedCollar c = collar();
        try (Database db = Database.open(file)) {
            run(c, pipeline(db, List.of(Pairing.of(EUI, ROOT, COW))), Duration.ofMinutes(1));
            assertEquals(1, SqliteSessionStore.of(db).loadAll().size());
        }
        return c;
    }

    @Test
    void restart_afterReKey_discardsTheSession_andTheOldSessionsFramesAreUnknown(@TempDir Path dir) {
        Path file = dir.resolve("herdgate.db");
        SimulatedCollar c = joinedThenStopped(file);

        try (Database db = Database.open(file)) {
            FramePipeline p = pipeline(db, List.of(Pairing.of(EUI, OTHER_ROOT, COW)));
            assertEquals(0, p.joinedCollars(), "re-keyed since it joined");
            assertEquals(List.of(), SqliteSessionStore.of(db).loadAll());
            c.advanceTo(c.now().plusSeconds(20));
            IngestResult r = p.accept(InboundFrame.of(uplinks.get(0), c.now()));
            assertEquals(RejectReason.UNKNOWN_COLLAR, assertInstanceOf(IngestResult.Dropped.class, r).reason());
        }
    }

    @Test
    void restart_afterUnpair_discardsTheSession(@TempDir Path dir) {
        Path file = dir.resolve("herdgate.db");
        joinedThenStopped(file);

        try (Database db = Database.open(file)) {
            assertEquals(0, pipeline(db, List.of()).joinedCollars());
            assertEquals(List.of(), SqliteSessionStore.of(db).loadAll());
        }
    }

    @Test
    void unpairWhileRunning_removesTheSavedSessionAtTheCollarsNextFrame(@TempDir Path dir) {
        Path file = dir.resolve("herdgate.db");
        SimulatedCollar c = joinedThenStopped(file);
        try (Database db = Database.open(file)) {
            List<Pairing> pairings = new ArrayList<>(List.of(Pairing.of(EUI, ROOT, COW)));
            CollarDirectory live = new CollarDirectory() {
                @Override
                public java.util.Optional<Pairing> pairing(CollarEui eui) {
                    return pairings.stream().filter(x -> x.eui().equals(eui)).findFirst();
                }

                @Override
                public int size() {
                    return pairings.size();
                }
            };
            SqliteCounterStore counters = SqliteCounterStore.of(db);
            FramePipeline p = FramePipeline.builder(live, JoinServer.of(0x484700, live, counters,
                    Clock.fixed(T0, ZoneOffset.UTC), new SplittableRandom(1)), counters)
                    .sessions(SqliteSessionStore.of(db)).build();
            assertEquals(1, p.joinedCollars());
            pairings.clear();
            c.advanceTo(c.now().plusSeconds(20));
            p.accept(InboundFrame.of(uplinks.get(0), c.now()));
            assertEquals(0, p.joinedCollars());
            assertEquals(List.of(), SqliteSessionStore.of(db).loadAll());
        }
    }

    @Test
    void restart_cowKeepsHerPostureReference_learntBeforeIt(@TempDir Path dir) {
        Path file = dir.resolve("herdgate.db");
        SimulatedCollar c = collar();
        PostureReference learnt;
        try (Database db = Database.open(file)) {
            FramePipeline p = pipeline(db, List.of(Pairing.of(EUI, ROOT, COW)));
            run(c, p, Duration.ofMinutes(20));
            p.savePostures();
            learnt = SqlitePostureStore.of(db).loadAll().getOrDefault(COW, PostureReference.EMPTY);
        }
        assertTrue(learnt.walkingWindows() + learnt.grazingWindows() > 0, "the cow moved: " + learnt);

        try (Database db = Database.open(file)) {
            SqlitePostureStore store = SqlitePostureStore.of(db);
            List<Map<CowId, PostureReference>> saved = new ArrayList<>();
            PostureStore recording = new PostureStore() {
                @Override
                public Map<CowId, PostureReference> loadAll() {
                    return store.loadAll();
                }

                @Override
                public void saveAll(Map<CowId, PostureReference> references) {
                    saved.add(references);
                    store.saveAll(references);
                }
            };
            FramePipeline p = pipeline(db, List.of(Pairing.of(EUI, ROOT, COW)), recording);
            // Saved again before her stream has a single window: her resumed stream starts from what was learnt.
            p.savePostures();
            assertEquals(List.of(Map.of(COW, learnt)), saved);
            run(c, p, Duration.ofMinutes(2));
            p.savePostures();
            PostureReference after = SqlitePostureStore.of(db).loadAll().get(COW);
            assertTrue(after.walkingWindows() + after.grazingWindows()
                    >= learnt.walkingWindows() + learnt.grazingWindows(), "continued from " + learnt + ": " + after);
        }
    }
}
