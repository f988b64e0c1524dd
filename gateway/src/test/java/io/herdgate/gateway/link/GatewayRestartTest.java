package io.herdgate.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herdgate.gateway.store.Database;
import io.herdgate.gateway.store.SqliteCounterStore;
import io.herdgate.gateway.testing.PtyPair;
import io.herdgate.protocol.frame.FrameParser;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.message.MessageType;
import io.herdgate.protocol.message.ResetCause;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.InMemoryCounterStore;
import io.herdgate.sim.herd.SimulatedHerd;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counters kept in SQLite outlive the gateway process: join requests captured before a restart are not granted after it. */
class GatewayRestartTest {

    private static final long SEED = 21;

    @TempDir
    Path tmp;

    @Test
    void joinRequestsCapturedBeforeARestart_areNotGrantedAfterIt_whenCountersAreInSqlite() throws Exception {
        Path file = tmp.resolve("herdgate.db");
        try (PtyPair pty = PtyPair.open()) {
            List<byte[]> joinRequests;
            try (Database db = Database.open(file)) {
                joinRequests = runGateway(pty, SqliteCounterStore.of(db)).stream()
                        .filter(f -> FrameParser.header(f, 0).type() == MessageType.JOIN_REQUEST)
                        .filter(f -> FrameParser.euiValue(f, 0) == SimulatedHerd.EUI_BASE + 1)
                        .toList();
            }
            assertEquals(2, joinRequests.size(), "cow 1 joined twice (a watchdog reset in between)");
            byte[] older = joinRequests.get(0);
            byte[] latest = joinRequests.get(1);

            try (Database db = Database.open(file)) {
                HerdHarness after = replay(pty, SqliteCounterStore.of(db), older);
                assertEquals(Map.of(RejectReason.REPLAYED, 1L), after.dropped(), after.summary());
            }
            try (Database db = Database.open(file)) {
                HerdHarness after = replay(pty, SqliteCounterStore.of(db), latest);
                assertEquals(0, after.accepted(), "the last request again is a repeat, not a new join: " + after.summary());
                assertEquals(1, after.duplicates(), after.summary());
            }
            // Control: a gateway that forgot its counters would grant the captured request a new session.
            HerdHarness forgetful = replay(pty, InMemoryCounterStore.create(), older);
            assertEquals(1, forgetful.accepted(), forgetful.summary());
        }
    }

    /** A gateway on {@code counters} serves the herd for a while; returns the frames the herd sent. */
    private static List<byte[]> runGateway(PtyPair pty, CounterStore counters) throws Exception {
        try (HerdHarness h = HerdHarness.of(2, SEED, counters, Ingest.DEFAULT_CAPACITY);
                SerialLink link = SerialLink.of(SerialLinkSettings.of(pty.a()), h.ingest, Clock.systemUTC());
                SimulatedDongle dongle = SimulatedDongle.start(pty.b(), 1000, h.herd::receive, Clock.systemUTC())) {
            link.start();
            h.await(() -> link.state() instanceof LinkState.Up, Duration.ofSeconds(10), "link up");
            h.radio(dongle);
            h.joinAll(Duration.ofMillis(20), dongle::flush);
            h.run(Duration.ofMinutes(1), dongle::flush);
            h.herd.members().get(0).collar().restart(ResetCause.WATCHDOG);
            h.joinAll(Duration.ofMillis(20), dongle::flush);
            h.run(Duration.ofMinutes(1), dongle::flush);
            h.awaitAllAccepted(Duration.ofSeconds(30));
            return h.sentFrames();
        }
    }

    /** A fresh gateway process on {@code counters} hears {@code frame} once over the radio; returns its counts. */
    private static HerdHarness replay(PtyPair pty, CounterStore counters, byte[] frame) throws Exception {
        try (HerdHarness h = HerdHarness.of(2, SEED, counters, Ingest.DEFAULT_CAPACITY);
                SerialLink link = SerialLink.of(SerialLinkSettings.of(pty.a()), h.ingest, Clock.systemUTC());
                SimulatedDongle attacker = SimulatedDongle.start(pty.b(), 10, f -> { }, Clock.systemUTC())) {
            link.start();
            h.await(() -> link.state() instanceof LinkState.Up && attacker.state() instanceof LinkState.Up,
                    Duration.ofSeconds(10), "link up");
            attacker.send(frame);
            h.await(() -> h.ingest.stats().handled() == 1, Duration.ofSeconds(10), "replayed frame handled");
            return h;
        }
    }
}
