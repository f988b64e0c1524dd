package io.herdgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herdgate.protocol.Samples;
import io.herdgate.protocol.codec.FrameOptions;
import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.frame.DecodeResult;
import io.herdgate.protocol.frame.Decoded;
import io.herdgate.protocol.frame.RejectReason;
import io.herdgate.protocol.frame.Rejected;
import io.herdgate.protocol.session.CollarSession;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStream;
import io.herdgate.protocol.session.InMemoryCounterStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCounterStoreTest {

    private static final CollarEui OTHER = CollarEui.parse("70B3D57ED0009999");

    @TempDir
    Path dir;

    private static DecodeResult decode(CollarSession s, byte[] frame) {
        return s.decode(frame, 0, frame.length);
    }

    @Test
    void saveThenLoad_givesTheLatestState_perCollarAndStream() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore store = SqliteCounterStore.of(db);
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(7, 0x11));
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(0xFFFF_FFFFL, -5));
            store.save(Samples.EUI, CounterStream.DOWNLINK, CounterState.of(3, 0x22));

            assertEquals(Optional.of(CounterState.of(0xFFFF_FFFFL, -5)), store.load(Samples.EUI, CounterStream.UPLINK));
            assertEquals(Optional.of(CounterState.of(3, 0x22)), store.load(Samples.EUI, CounterStream.DOWNLINK));
            assertEquals(Optional.empty(), store.load(Samples.EUI, CounterStream.JOIN));
            assertEquals(Optional.empty(), store.load(OTHER, CounterStream.UPLINK));
        }
    }

    @Test
    void clear_forgetsOnlyThatStream() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            SqliteCounterStore store = SqliteCounterStore.of(db);
            store.save(Samples.EUI, CounterStream.UPLINK, CounterState.of(7, 1));
            store.save(Samples.EUI, CounterStream.JOIN, CounterState.of(2, 1));

            store.clear(Samples.EUI, CounterStream.UPLINK);

            assertEquals(Optional.empty(), store.load(Samples.EUI, CounterStream.UPLINK));
            assertEquals(Optional.of(CounterState.of(2, 1)), store.load(Samples.EUI, CounterStream.JOIN));
        }
    }

    @Test
    void replayedFrame_afterGatewayRestart_isStillRejected() {
        Path file = dir.resolve("h.db");
        CollarSession collar = CollarSession.collarSide(Samples.EUI, Samples.KEYS, InMemoryCounterStore.create());
        byte[] first = collar.encode(Samples.status(), FrameOptions.PLAIN);
        byte[] second = collar.encode(Samples.status(), FrameOptions.PLAIN);
        try (Database db = Database.open(file)) {
            CollarSession gateway = CollarSession.gatewaySide(Samples.EUI, Samples.KEYS, SqliteCounterStore.of(db));
            assertInstanceOf(Decoded.class, decode(gateway, first));
            assertInstanceOf(Decoded.class, decode(gateway, second));
        }

        try (Database reopened = Database.open(file)) {
            CollarSession restarted = CollarSession.gatewaySide(Samples.EUI, Samples.KEYS, SqliteCounterStore.of(reopened));
            Rejected r = assertInstanceOf(Rejected.class, decode(restarted, first));
            assertEquals(RejectReason.REPLAYED, r.reason());
            assertTrue(restarted.lastReceived().isPresent());
            assertInstanceOf(Decoded.class, decode(restarted, collar.encode(Samples.status(), FrameOptions.PLAIN)));
        }
    }
}
