package io.herdgate.gateway.store;

import io.herdgate.protocol.frame.CollarEui;
import io.herdgate.protocol.session.CounterState;
import io.herdgate.protocol.session.CounterStore;
import io.herdgate.protocol.session.CounterStream;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Frame counters in table {@code frame_counter}, written through with {@link Durability#FULL}: a counter
 * lost in a power cut would let a recorded frame be replayed. Each save is one UPSERT of a ~30-byte row
 * in its own transaction: in WAL mode that appends one page to the log and fsyncs once. A saved uplink
 * state is one accepted frame: the row also counts them ({@link #uplinkTally}), until the stream is
 * cleared at a join.
 */
public final class SqliteCounterStore implements CounterStore {

    private final Database db;

    private SqliteCounterStore(Database db) {
        this.db = db;
    }

    public static SqliteCounterStore of(Database db) {
        return new SqliteCounterStore(db);
    }

    @Override
    public Optional<CounterState> load(CollarEui eui, CounterStream stream) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT counter, mic FROM frame_counter WHERE collar_eui = ? AND stream = ?")) {
                s.setLong(1, eui.value());
                s.setString(2, name(stream));
                try (var rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(CounterState.of(rs.getLong(1), rs.getInt(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(CollarEui eui, CounterStream stream, CounterState state) {
        saveAll(Map.of(CounterKey.of(eui, stream), state), Map.of(CounterKey.of(eui, stream), stream == CounterStream.UPLINK ? 1L : 0L));
    }

    /**
     * Saves several states in one transaction (one fsync).
     *
     * @param states   the last state of each stream
     * @param accepted frames accepted per stream since its last save (added to the row's count; absent: 0)
     */
    public void saveAll(Map<CounterKey, CounterState> states, Map<CounterKey, Long> accepted) {
        if (states.isEmpty()) {
            return;
        }
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO frame_counter (collar_eui, stream, counter, mic, frames) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (collar_eui, stream) DO UPDATE SET counter = excluded.counter, "
                            + "mic = excluded.mic, frames = frames + excluded.frames")) {
                for (Map.Entry<CounterKey, CounterState> e : states.entrySet()) {
                    s.setLong(1, e.getKey().eui().value());
                    s.setString(2, name(e.getKey().stream()));
                    s.setLong(3, e.getValue().counter());
                    s.setInt(4, e.getValue().mic());
                    s.setLong(5, accepted.getOrDefault(e.getKey(), 0L));
                    s.addBatch();
                }
                return s.executeBatch().length;
            }
        });
    }

    /** The collar's uplink session as stored: last counter and frames accepted; empty before its first frame. */
    public Optional<UplinkTally> uplinkTally(CollarEui eui) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT counter, frames FROM frame_counter WHERE collar_eui = ? AND stream = 'uplink'")) {
                s.setLong(1, eui.value());
                try (var rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(UplinkTally.of(eui, rs.getLong(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void clear(CollarEui eui, CounterStream stream) {
        db.write(Durability.FULL, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM frame_counter WHERE collar_eui = ? AND stream = ?")) {
                s.setLong(1, eui.value());
                s.setString(2, name(stream));
                return s.executeUpdate();
            }
        });
    }

    private static String name(CounterStream stream) {
        return stream.name().toLowerCase(Locale.ROOT);
    }
}
